// Prints the lower-case alphabetic words of CMUdict (npm package
// cmu-pronouncing-dictionary), one a line: word, a tab, and the syllables
// (phones with a stress digit) of each pronunciation, first pronunciation
// first, separated by commas.
import {dictionary} from 'cmu-pronouncing-dictionary'
const m = new Map()
for (const [key, phones] of Object.entries(dictionary)) {
  const word = key.replace(/\(\d+\)$/, '')
  if (!/^[a-z]+$/.test(word)) continue
  const n = phones.split(' ').filter(p => /\d$/.test(p)).length
  const v = key === word ? 1 : Number(key.slice(word.length + 1, -1))
  if (!m.has(word)) m.set(word, [])
  m.get(word).push([v, n])
}
const words = [...m.keys()].sort()
for (const w of words) {
  const ps = m.get(w).sort((a, b) => a[0] - b[0]).map(p => p[1])
  process.stdout.write(w + '\t' + ps.join(',') + '\n')
}

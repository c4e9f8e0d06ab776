// Computes four readability formulas with the npm package text-readability,
// the speed anchor for civickit check. Usage: node readability.mjs FILE
import fs from 'node:fs';
import rs from 'text-readability';

const text = fs.readFileSync(process.argv[2], 'utf8');
const out = {
  flesch_reading_ease: rs.fleschReadingEase(text),
  flesch_kincaid_grade: rs.fleschKincaidGrade(text),
  coleman_liau: rs.colemanLiauIndex(text),
  ari: rs.automatedReadabilityIndex(text),
};
console.log(JSON.stringify(out));

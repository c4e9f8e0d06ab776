// Package persona turns councillors' digital-skills survey answers into
// anonymised personas at stages from reluctant to digital champion, each
// with the learning options that help it progress, and evaluates learning
// pilots.
package persona

// Package compose writes ready-to-post texts that explain a council
// decision at its stage of the journey: for X, Bluesky, Mastodon,
// Facebook, Nextdoor, WhatsApp and an email newsletter, each within that
// channel's real limit as the platform counts it ([Length]), plus a web
// summary in the GOV.UK step-by-step shape. Each post says what the
// decision is about, where it is now, what happens next and when, and how
// to have a say by which date, in the GOV.UK date style.
//
// Wordings are data ([Templates]): civickit's built-in ones cover every
// journey stage, and a council lays its own over them with checked
// {placeholders} ([ReadTemplates]). Every English post is scored by the
// standards package before it is returned: reading age 9 or below and no
// plain-English, jargon or passive-voice finding, else Ready is false and
// the findings say why. A decision title that breaks a rule is replaced by
// a plainer one, and the result says so ([TitleAdvice]).
//
//	res, err := compose.Compose(ctx, dec, compose.Options{Hashtags: []string{"Millbrook"}})
//	if err != nil {
//		return err
//	}
//	err = res.WriteText(w) // or WriteJSON, WriteMarkdown
package compose

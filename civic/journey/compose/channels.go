package compose

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Channel is a place a council posts to.
type Channel string

// The channels, each with its limit as that platform counts.
const (
	X             Channel = "x"              // 280, weighted: most Latin characters 1, others 2, links 23
	Bluesky       Channel = "bluesky"        // 300 graphemes
	Mastodon      Channel = "mastodon"       // 500 characters, links 23, @user@server as @user
	FacebookShort Channel = "facebook-short" // 250 characters: shown in full without "See more"
	FacebookLong  Channel = "facebook-long"  // 1,500 characters
	NextdoorShort Channel = "nextdoor-short" // 250 characters
	NextdoorLong  Channel = "nextdoor-long"  // 1,500 characters
	WhatsApp      Channel = "whatsapp"       // 700 characters: one phone screen
	Email         Channel = "email"          // 600 characters: one newsletter paragraph
)

// Channels lists the channels in the order posts are written.
func Channels() []Channel {
	return []Channel{X, Bluesky, Mastodon, FacebookShort, FacebookLong, NextdoorShort, NextdoorLong, WhatsApp, Email}
}

// Limit is how long a post may be on a channel, and how it is counted.
type Limit struct {
	Max  int    `json:"max"`  // the most the channel allows
	Unit string `json:"unit"` // what is counted: "weighted characters", "graphemes" or "characters"
	// Basis says where the limit comes from: the platform's own rule, or
	// a house rule for readable posts where the platform allows far more.
	Basis string `json:"basis"`
}

// LimitOf returns the limit of channel c, or false for an unknown channel.
func LimitOf(c Channel) (Limit, bool) {
	switch c {
	case X:
		return Limit{280, "weighted characters", "X counts most Latin letters, digits and punctuation as 1 and other characters and emoji as 2; every link counts 23"}, true
	case Bluesky:
		return Limit{300, "graphemes", "Bluesky counts user-perceived characters (Unicode grapheme clusters)"}, true
	case Mastodon:
		return Limit{500, "characters", "Mastodon's default: every link counts 23 and @user@server counts as @user"}, true
	case FacebookShort, NextdoorShort:
		return Limit{250, "characters", "house rule: short enough to show in full in a feed without \"See more\""}, true
	case FacebookLong, NextdoorLong:
		return Limit{1500, "characters", "house rule for a readable long post (the platforms allow far more)"}, true
	case WhatsApp:
		return Limit{700, "characters", "house rule: about one phone screen (WhatsApp allows 65,536)"}, true
	case Email:
		return Limit{600, "characters", "house rule: one newsletter paragraph"}, true
	}
	return Limit{}, false
}

var (
	linkRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`https?://[^\s<>"]+`)
	})
	mentionRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`@([A-Za-z0-9_]+)@[A-Za-z0-9.\-]+[A-Za-z0-9]`)
	})
)

// Length returns the length of text as channel c counts it.
func Length(c Channel, text string) int {
	switch c {
	case X:
		return xLength(text)
	case Bluesky:
		return uniseg.GraphemeClusterCount(text)
	case Mastodon:
		n := 0
		rest := linkRE().ReplaceAllStringFunc(text, func(string) string { n += 23; return "" })
		rest = mentionRE().ReplaceAllString(rest, "@$1")
		return n + utf8.RuneCountInString(rest)
	}
	return utf8.RuneCountInString(text)
}

// xLength counts as twitter-text's version 3 configuration does: each
// link 23; an emoji (a grapheme cluster holding an emoji) 2; other code
// points 1 in the ranges U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and
// U+2032–U+2037, else 2.
func xLength(text string) int {
	n := 0
	rest := linkRE().ReplaceAllStringFunc(text, func(string) string { n += 23; return "\x00" })
	g := uniseg.NewGraphemes(rest)
	for g.Next() {
		cluster := g.Str()
		if cluster == "\x00" {
			continue
		}
		if isEmoji(cluster) {
			n += 2
			continue
		}
		for _, r := range cluster {
			if r <= 0x10FF || r >= 0x2000 && r <= 0x200D || r >= 0x2010 && r <= 0x201F || r >= 0x2032 && r <= 0x2037 {
				n++
			} else {
				n += 2
			}
		}
	}
	return n
}

// isEmoji reports whether a grapheme cluster is an emoji: it holds a
// pictograph, a regional indicator, or an emoji presentation selector.
func isEmoji(cluster string) bool {
	for _, r := range cluster {
		switch {
		case r == 0xFE0F, r == 0x200D && len(cluster) > 3,
			r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r >= 0x1F1E6 && r <= 0x1F1FF:
			return true
		}
	}
	return false
}

var (
	emailRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	})
	phoneRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\+?\d[\d ]{8,}\d`)
	})
)

// proseOf strips what is not prose from a post before it is scored: the
// title line, links, email addresses, phone numbers, hashtags and
// handles, and the formatting marks of WhatsApp.
func proseOf(text, title string) string {
	if first, rest, ok := strings.Cut(text, "\n"); ok && strings.Trim(first, "*") == strings.Trim(title, "*") {
		text = rest
	}
	text = linkRE().ReplaceAllString(text, "")
	text = emailRE().ReplaceAllString(text, "")
	text = phoneRE().ReplaceAllString(text, "")
	var b strings.Builder
	for _, f := range strings.SplitAfter(text, " ") {
		w := strings.TrimSpace(f)
		if strings.HasPrefix(w, "#") || strings.HasPrefix(w, "@") {
			if strings.HasSuffix(f, "\n") {
				b.WriteByte('\n')
			}
			continue
		}
		b.WriteString(f)
	}
	return strings.ReplaceAll(b.String(), "*", "")
}

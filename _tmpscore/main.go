package main

import "github.com/civickit/civickit/standards"

// text is a variable so that the call is not folded away.
var text = "The Cabinet will decide on 12 March. Have your say by 1 April."

func main() {
	doc, err := standards.ExtractText([]byte(text))
	if err != nil {
		println(err.Error())
		return
	}
	var c standards.Checker
	card := c.CheckDocument("draft", doc)
	println(card.Score, len(card.Findings))
}

// Package wasm holds the WebAssembly widgets that any council site can
// embed. Each widget is a small Go main program built with GOOS=js
// GOARCH=wasm plus a custom element written in plain JavaScript.
//
// The package is being built; see the project's issues.
package wasm

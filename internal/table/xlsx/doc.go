// Package xlsx reads one worksheet of an Excel workbook (.xlsx) as CSV
// for the table readers: the survey, pool and register readers take a
// worksheet the way they take a CSV file.
//
// The reader is written for the purpose with the standard library
// (archive/zip, encoding/xml) rather than a spreadsheet library: it reads
// the workbook's sheet list, its shared strings, the number formats of
// its styles and one worksheet, streamed, and nothing else, so the
// command line does not pay for a library's package initialisation on
// every run. Cells come out as Excel shows them under their number
// format (1,234.50, 12%, £3.00) for the formats in common use; dates and
// times come out as ISO 8601 ("2025-01-14", "2025-01-14 09:30",
// "09:30"), which the readers parse, rather than in the workbook's
// display format.
//
// It is apart from package table so that what links table (the journey
// widget's WebAssembly among them) does not link the workbook reader.
package xlsx

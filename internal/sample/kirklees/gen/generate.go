package main

// Generate returns every generated file of the sample council, by
// slash-separated path relative to internal/sample/kirklees. The same seed
// gives the same bytes.
func Generate(seed uint64) (map[string][]byte, error) {
	w, err := build(seed)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	if err := w.councilFiles(files); err != nil {
		return nil, err
	}
	if err := w.networkFiles(files, newRand(seed, 5)); err != nil {
		return nil, err
	}
	if err := w.registerFiles(files); err != nil {
		return nil, err
	}
	if err := w.surveyFiles(files, newRand(seed, 6)); err != nil {
		return nil, err
	}
	decs, err := w.decisionFiles(files, newRand(seed, 7))
	if err != nil {
		return nil, err
	}
	if err := w.contentFiles(files, decs, newRand(seed, 8), newRand(seed, 9)); err != nil {
		return nil, err
	}
	files["README.md"] = w.readme(files, seed)
	return files, nil
}

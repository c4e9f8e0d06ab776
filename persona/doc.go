// Package persona turns councillors' digital-skills survey answers into
// anonymised personas at stages from reluctant to digital champion, each
// with the learning options that help it progress, and evaluates learning
// pilots.
//
// # Survey
//
// [ReadSurveyCSV] and [ReadSurveyJSON] read the survey instrument documented on
// [Tools] (confidence 1–5 and frequency of use per tool, broadcast or
// two-way use, attitude statements, what councillors want to learn, their
// aims and barriers, years served and role). A [Mapping] adapts a
// council's own column names and answer texts. Blank answers are kept as
// [NoAnswer], never read as zero; bad cells give a [*civic.ParseError] naming the
// row and column. Wards and free text are never read.
//
// # Clustering
//
// [KMeans] (greedy k-means++ seeding, restarts, Lloyd's iterations with
// Hamerly's bounds), [KPrototypes] for mixed numeric and categorical data,
// and [Gower] distances with [PAM] are exported and deterministic for a
// seed on any number of cores. [Silhouette], [AdjustedRandIndex] and
// [Bootstrap] stability measure the result.
//
// # Personas
//
// [Build] encodes the survey, clusters it (choosing k by silhouette among
// the splits that are stable under resampling and whose groups are large
// enough), merges groups smaller than [Options.MinSize] (default 10) and
// describes each group as a [Persona] with a [Stage], a profile and
// learning options from the catalogue ([DefaultCatalogue]). The [Report]
// renders as text, JSON, Markdown or HTML and holds no individual answers.
//
//	s, err := persona.ReadCSV(f, nil)
//	if err != nil {
//		return err
//	}
//	rep, err := persona.Build(s, persona.Options{Seed: 1})
//	if err != nil {
//		return err
//	}
//	return rep.Markdown(w)
//
// # Pilots
//
// [ReadPilots] and [EvaluatePilots] evaluate learning activities from
// attendance, paired before/after confidence ([PairedChange], with Student
// t intervals) and cost, and rank them into a menu per stage.
package persona

// Package persona turns councillors' digital-skills survey answers into
// anonymised personas at stages from reluctant to digital champion, each
// with the learning options that help it progress, and evaluates learning
// pilots.
//
// # Survey
//
// [ReadSurveyCSV] and [ReadSurveyJSON] read the survey instrument
// documented on [Tools] (confidence 1–5 and frequency of use per tool,
// broadcast or two-way use, attitude statements, what councillors want to
// learn, their aims and barriers, years served and role). A [Mapping]
// ([ReadMapping]) adapts a council's own column names and answer texts.
// Blank answers are kept as [NoAnswer], never read as zero. Wards and free
// text are never read.
//
// Every reader here follows one shape, ReadX(r, XOptions{File, MaxBytes,
// ...}): input passes a size cap (64 MiB unless raised), a UTF-8
// byte-order mark is accepted, UTF-16 and Latin-1 are refused with the
// encoding named, numbers are read as a spreadsheet writes them, JSON
// readers refuse unknown keys naming their path, and every error is a
// [*civic.ParseError] with the file, line, column and field.
//
// # Clustering
//
// [KMeans] (greedy k-means++ seeding, restarts, Lloyd's iterations with
// Hamerly's bounds), [KPrototypes] for mixed numeric and categorical data,
// and [Gower] distances with [PAM] (FasterPAM swaps) are exported and
// deterministic for a seed on any number of cores; they take a
// context.Context first and stop soon after it is cancelled.
// [Silhouette], [AdjustedRandIndex] and [Bootstrap] stability measure the
// result.
//
// # Personas
//
// [Build] encodes the survey, leaves out respondents who answered
// nothing, and tests whether it holds distinct groups at all: the real
// survey's best silhouette on the answers against surveys with each
// question's answers shuffled on its own ([StructureTest]). Only then does
// it choose k (by silhouette among the splits that are stable under
// resampling and whose groups are large enough), merge groups smaller
// than [Options.MinSize] (default [DefaultMinSize]; lower only with
// AllowSmallGroups, and never below [SafeMinSize]) and describe each group
// as a [Persona] with a [Stage], a profile and learning options from the
// catalogue ([DefaultCatalogue]). Quality figures are measured on all the
// answers, whatever space the clustering ran in. Every figure counts
// people, and rests on at least MinSize of them. The [Report] writes
// itself as text, JSON, Markdown or HTML (WriteText, WriteJSON,
// WriteMarkdown, WriteHTML) and holds no individual answers.
//
//	s, err := persona.ReadSurveyCSV(f, persona.SurveyOptions{File: "survey.csv"})
//	if err != nil {
//		return err
//	}
//	rep, err := persona.Build(ctx, s, persona.Options{Seed: 1})
//	if err != nil {
//		return err
//	}
//	return rep.WriteMarkdown(w)
//
// # Pilots
//
// [ReadPilots] and [EvaluatePilots] evaluate learning activities from
// attendance, paired before/after confidence ([OrdinalChange]: intervals
// that keep their coverage on small samples of a few rating points, never
// of zero width) and cost, and rank them into a menu per stage by the
// lower end of the gain's interval. Counts, costs and changes of fewer
// than MinSize participants are withheld, and stage groups are suppressed
// so none can be found by subtraction.
package persona

package main

// demoTemplateText holds the demo site's templates. Every figure they
// show comes from the data the library computed: the templates print
// fields and never a number of their own.
const demoTemplateText = `
{{define "layout"}}<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="referrer" content="no-referrer">
<title>{{.Title}} – civickit demo</title>
<link rel="stylesheet" href="{{.Root}}site.css">
{{with .Style}}<style>{{.}}</style>
{{end}}{{range .Scripts}}<script type="module" src="{{.}}"></script>
{{end}}</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="app-header"><div class="wrap">
<a class="app-brand" href="{{.Root}}index.html">civickit demo</a> <span class="app-council">{{.Council}}</span>
</div>
<nav class="app-nav" aria-label="Sections"><div class="wrap"><ul>
{{$sec := .Section}}{{$root := .Root}}{{range nav}}<li><a href="{{$root}}{{.Href}}"{{if eq .Href $sec}} aria-current="page"{{end}}>{{.Text}}</a></li>{{end}}
</ul></div></nav>
</header>
<div class="wrap"><main id="main">
{{.Body}}
</main></div>
<footer class="app-footer"><div class="wrap">The sample council's data describe {{.AsOf}}. Its wards are real; its councillors, groups, residents, decisions and content are invented. Citizens appear only as pseudonyms. Made with civickit.</div></footer>
</body>
</html>
{{end}}

{{define "bars"}}{{with .}}<figure class="chart">
<svg role="img" aria-label="{{.Title}}: {{.Desc}}" width="{{.W}}" height="{{.H}}" viewBox="0 0 {{.W}} {{.H}}" xmlns="http://www.w3.org/2000/svg">
<title>{{.Title}}</title><desc>{{.Desc}}</desc>
{{range .Bars}}<g><text x="0" y="{{printf "%.0f" .Y}}" dy="15" class="chart-label">{{.Label}}</text>
<rect x="230" y="{{printf "%.0f" .Y}}" width="{{printf "%.1f" .W}}" height="{{if .HasPrev}}12{{else}}18{{end}}" class="chart-bar"/>
{{if .HasPrev}}<rect x="230" y="{{printf "%.0f" .Y}}" transform="translate(0 13)" width="{{printf "%.1f" .PrevW}}" height="5" class="chart-prev"/>{{end}}
<text x="{{printf "%.1f" .TextX}}" y="{{printf "%.0f" .Y}}" dy="13" class="chart-value">{{.Text}}{{if .HasPrev}} (was {{.PrevText}}){{end}}</text></g>
{{end}}</svg>
<figcaption>{{.Desc}}.</figcaption>
</figure>{{end}}{{end}}

{{define "index"}}{{$c := .C}}
<h1>Kirklees Council: civickit at work</h1>
<p class="lead">A sample council at the scale of Kirklees: {{len $c.Wards}} real wards, {{len $c.Persons}} fictional councillors, {{.Groups}} community groups and {{.Citizens}} pseudonymous residents linked by {{$c.Ties}} ties online, {{$c.ContentItems}} items of democratic content and {{len $c.Decisions}} decisions. Every part of civickit has run on it; each section below links to its results.</p>
<div class="cards">
<section class="card"><h2><a href="wards.html">Wards and their networks</a></h2>
<p>Across the {{len $c.WardViews}} wards, councillors reach their community groups with a mean network score of {{f1 .NetMean}}. Each ward has a page with its councillors' reach and what to do next.</p></section>
<section class="card"><h2><a href="audit/index.html">Social media audit</a></h2>
<p>Two snapshots of the ward register{{with $c.Audit.Previous}}, on {{day .TakenAt}}{{end}} and {{day $c.Audit.Snapshot.TakenAt}}: {{$c.Audit.Overview.Councillors}} councillors, {{$c.Audit.Overview.Groups}} groups, {{$c.Audit.Overview.GroupsReached}} of them reached. Mean ward score {{if .HasPrev}}{{f1 .PrevMean}} then, {{end}}{{f1 $c.Audit.Overview.MeanScore}} now.</p></section>
<section class="card"><h2><a href="councillors.html">Councillors</a></h2>
<p>A page for each of the {{len $c.Audit.Councillors}} councillors: accounts, followers, the groups they reach, who could introduce them to the rest, and what changed in the month.</p></section>
<section class="card"><h2><a href="personas.html">Personas and learning options</a></h2>
<p>{{$c.Personas.Respondents}} survey responses make {{len $c.Personas.Personas}} anonymised personas, each with the learning options that help it progress.</p></section>
<section class="card"><h2><a href="pilots.html">Learning pilots</a></h2>
<p>{{len $c.Pilots.Activities}} activities evaluated; {{.Evidence}} show evidence that they raise councillors' confidence.</p></section>
<section class="card"><h2><a href="content.html">Content standards</a></h2>
<p>{{$c.Content.Total.Passed}} of {{$c.Content.Total.Items}} items meet the pass mark of {{f0 $c.Content.PassMark}} ({{pctv $c.Content.Total.PassRate}}); mean score {{f1 $c.Content.Total.MeanScore}}. See the pages to fix first and how well each decision's journey is covered.</p></section>
<section class="card"><h2><a href="decisions.html">Decisions and deadlines</a></h2>
<p>{{len $c.Decisions}} decisions, each explained step by step; {{.Missed}} missed a deadline.</p></section>
<section class="card"><h2><a href="widgets.html">Widgets</a></h2>
<p>The readability checker and the journey widget any council page can embed{{if not .Widgets}} (not built in this run){{end}}, with posts written for each channel.</p></section>
</div>
<h2>Ward connectivity</h2>
{{template "bars" .Chart}}
{{end}}

{{define "wards"}}
<h1>Wards</h1>
<p>For each ward: the network score from the ward network (councillors' ties to the ward's community groups: full marks for a group a councillor is tied to, half for one reached through someone else), and the social media audit's score at its latest snapshot with its change since the one before. The two use the same rule on different data: the network holds every tie, occasional follows and residents' ties among them, so a group a councillor follows now and then, or reaches through a resident, counts there; the register the audit reads lists only memberships, partnerships and strong follows, so its score is lower.</p>
<table class="table">
<caption class="visually-hidden">Wards and their scores</caption>
<thead><tr><th scope="col">Ward</th><th scope="col">Code</th><th scope="col" class="num">Groups</th><th scope="col" class="num">Not reached</th><th scope="col" class="num">Network score</th><th scope="col" class="num">Audit score</th><th scope="col" class="num">Change</th></tr></thead>
<tbody>{{range .Rows}}<tr><th scope="row"><a href="{{.Page}}">{{.Name}}</a></th><td>{{.ID}}</td><td class="num">{{len .Net.Groups}}</td><td class="num">{{len .Net.Unreached}}</td><td class="num">{{f1 .Net.Score}}</td><td class="num">{{f1 .Audit.Score}}</td><td class="num">{{with .Audit.ScoreChange}}{{signed (derefs .)}}{{else}}new{{end}}</td></tr>
{{end}}</tbody></table>
{{template "bars" .Chart}}
{{end}}

{{define "ward"}}{{$w := .W}}
<span class="caption">Ward {{$w.ID}}</span>
<h1>{{$w.Name}}</h1>
<dl class="summary">
<dt>Community groups</dt><dd>{{len $w.Net.Groups}}</dd>
<dt>Groups no councillor reaches within two steps</dt><dd>{{len $w.Net.Unreached}}</dd>
<dt>Network score</dt><dd>{{f1 $w.Net.Score}}</dd>
<dt>Social media audit score</dt><dd>{{f1 $w.Audit.Score}}{{with $w.Audit.ScoreChange}} ({{signed (derefs .)}} since the previous snapshot){{end}}; {{len $w.Audit.NewlyReached}} groups newly reached</dd>
</dl>
<p><a href="audit/{{$w.Page}}">The audit's page for {{$w.Name}}</a>: every group, its platforms and activity, and who reaches it.</p>
<h2>Councillors</h2>
<table class="table"><caption class="visually-hidden">Councillors of {{$w.Name}}</caption>
<thead><tr><th scope="col">Councillor</th><th scope="col" class="num">Groups tied directly</th><th scope="col" class="num">At two steps</th><th scope="col" class="num">Share reached</th></tr></thead>
<tbody>{{range $i, $cv := $w.Net.Councillors}}{{with index $w.Councillors $i}}<tr><th scope="row"><a href="{{.Page}}">{{.Name}}</a></th>{{end}}<td class="num">{{len $cv.Reached1}}</td><td class="num">{{len $cv.Reached2}}</td><td class="num">{{pct $cv.Share}}</td></tr>
{{end}}</tbody></table>
{{template "bars" $w.Chart}}
{{if $w.Net.Recommendations}}<h2>What to do next</h2><ul class="list">{{range $w.Net.Recommendations}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{end}}

{{define "councillors"}}
<h1>Councillors</h1>
<p>Each councillor's page in the social media audit shows their accounts, followers and posts, the ward's groups they reach, the people who could introduce them to the rest, and what changed since the previous snapshot.</p>
<table class="table"><caption class="visually-hidden">Councillors</caption>
<thead><tr><th scope="col">Councillor</th><th scope="col">Ward</th><th scope="col" class="num">Accounts</th><th scope="col" class="num">Followers</th><th scope="col" class="num">Share of groups reached</th><th scope="col" class="num">Ties gained</th><th scope="col" class="num">Ties lost</th></tr></thead>
<tbody>{{range .Rows}}<tr><th scope="row"><a href="{{.Page}}">{{.Name}}</a></th><td><a href="{{.WardPage}}">{{.WardName}}</a></td><td class="num">{{len .Tools}}</td><td class="num">{{.Followers}}</td><td class="num">{{pct .Share}}</td><td class="num">{{.TiesGained}}</td><td class="num">{{.TiesLost}}</td></tr>
{{end}}</tbody></table>
{{end}}

{{define "content"}}{{$r := .R}}{{$dp := .Decisions}}
<h1>Content standards</h1>
<p>{{$r.Total.Items}} items of democratic content — web pages, notices, reports, newsletters and posts — scored against the democratic content standards: {{$r.Total.Passed}} meet the pass mark of {{f0 $r.PassMark}} ({{pctv $r.Total.PassRate}}), and the mean score is {{f1 $r.Total.MeanScore}}. <a href="content-audit.html">The full content audit</a> lists every channel and type, the pages to fix first with their findings, and each decision's coverage.</p>
{{template "bars" .Chart}}
{{template "bars" .Chart2}}
<h2>Fix first</h2>
<p>The items read most that fall furthest short of the standards: views times the points each is short of full marks.</p>
<table class="table"><caption class="visually-hidden">Items to fix first</caption>
<thead><tr><th scope="col" class="num">Rank</th><th scope="col">Item</th><th scope="col">Type</th><th scope="col" class="num">Views</th><th scope="col" class="num">Score</th><th scope="col">First finding</th></tr></thead>
<tbody>{{range $i, $f := .Top}}<tr><td class="num">{{inc $i}}</td><td>{{$f.Title}}</td><td>{{$f.Type}}</td><td class="num">{{$f.Views}}</td><td class="num">{{f0 $f.Score}}</td><td>{{range $j, $x := $f.Findings}}{{if eq $j 0}}{{$x.Message}}{{end}}{{end}}</td></tr>
{{end}}</tbody></table>
{{if .SaidTop}}<h2>What residents said</h2>
<p>Residents answered “Is this page clear?” {{.Said.Answers}} times about {{.Said.Pages}} pages; {{.Said.No}} answers were no. Those answers raise a page in the list above. The pages with the most “no” answers, with the newest of what people said was unclear (email addresses, telephone numbers and handles removed):</p>
<table class="table"><caption class="visually-hidden">Residents' answers by page</caption>
<thead><tr><th scope="col">Page</th><th scope="col" class="num">Clear</th><th scope="col" class="num">Not clear</th><th scope="col">What was unclear</th></tr></thead>
<tbody>{{range .SaidTop}}<tr><td>{{or .Title .URL}}</td><td class="num">{{.Clear}}</td><td class="num">{{.Unclear}}</td><td>{{range $i, $t := .Said}}{{if lt $i 2}}<div>“{{$t}}”</div>{{end}}{{end}}</td></tr>
{{end}}</tbody></table>{{end}}
<h2>Journey coverage</h2>
<p>Whether a resident could read about each stage a decision's journey passed. The stages missed most often:</p>
<table class="table"><caption class="visually-hidden">Stages without readable content</caption>
<thead><tr><th scope="col">Stage</th><th scope="col" class="num">Decisions with no readable content at it</th></tr></thead>
<tbody>{{range .Gaps}}<tr><td>{{.Stage}}</td><td class="num">{{.N}}</td></tr>{{end}}</tbody></table>
<ul class="list">{{range $r.Journeys}}{{if .Gaps}}{{with dpage $dp .DecisionID}}<li><a href="{{.}}">{{end}}{{.DecisionID}}</a>: {{.Title}} — no readable content at {{range $i, $g := .Gaps}}{{if $i}}, {{end}}{{$g}}{{end}}</li>{{end}}{{end}}</ul>
{{end}}

{{define "decisions"}}
<h1>Decisions</h1>
<p>{{len .Rows}} decisions at every stage, each explained step by step with its deadlines under the council's rules, checked against the dates the council really published things, as of {{.AsOf}}: {{.Missed}} missed at least one deadline.</p>
<table class="table"><caption class="visually-hidden">Decisions</caption>
<thead><tr><th scope="col">Decision</th><th scope="col">Title</th><th scope="col">Where it is</th><th scope="col" class="num">Deadlines checked</th><th scope="col" class="num">Missed</th></tr></thead>
<tbody>{{range .Rows}}<tr><th scope="row"><a href="{{.Page}}">{{.D.ID}}</a></th><td>{{.D.Title}}</td><td>{{.Current}}</td><td class="num">{{len .Checks}}</td><td class="num">{{if .Missed}}<strong class="tag tag-red">{{.Missed}}</strong>{{else}}{{.Missed}}{{end}}</td></tr>
{{end}}</tbody></table>
{{end}}

{{define "decision"}}
<span class="caption">Decision {{.D.ID}}</span>
<h1>{{.D.Title}}</h1>
<p><a href="decisions.html">All decisions</a></p>
{{.Journey}}
<h2>Deadline checks</h2>
{{if .Checks}}<table class="table"><caption class="visually-hidden">Deadline checks</caption>
<thead><tr><th scope="col">What had to be done</th><th scope="col">Due</th><th scope="col">Done</th><th scope="col">Outcome</th></tr></thead>
<tbody>{{range .Checks}}<tr><td>{{.Label}}{{if .Statutory}} <span class="tag">statutory</span>{{end}}</td><td>{{if not .Due.IsZero}}{{.Due.Long}}{{end}}</td><td>{{if not .Done.IsZero}}{{.Done.Long}}{{end}}</td><td>{{if eq .Status "missed"}}<strong class="tag tag-red">missed by {{.DaysLate}} days</strong>{{else}}{{.Status}}{{end}}{{with .Note}}<br><small>{{.}}</small>{{end}}</td></tr>
{{end}}</tbody></table>{{else}}<p>This journey has no deadlines to check.</p>{{end}}
{{with .Coverage}}<h2>What residents could read</h2>
<table class="table"><caption class="visually-hidden">Content at each stage</caption>
<thead><tr><th scope="col">Stage</th><th scope="col">Content</th><th scope="col" class="num">Items</th></tr></thead>
<tbody>{{range .Stages}}<tr><td>{{.Stage}}</td><td>{{if .Expected}}{{.Status}}{{else}}not expected{{end}}</td><td class="num">{{len .Items}}</td></tr>{{end}}</tbody></table>{{end}}
{{with .Posts}}<h2>Posts for this stage</h2>
<p>Written by civickit compose for “{{.StageTitle}}”, one for each channel, checked against the standards and the channel's limit.</p>
{{if .TitleAdvice}}<p>The decision's own title breaks a content standard, so the posts use “{{.TitleAdvice.Plainer}}”.</p>{{end}}
{{range .Posts}}<div class="post"><h3>{{.Channel}}</h3><p class="post-text">{{.Text}}</p>
<p class="hint">{{.Length}} of {{.Limit.Max}} {{.Limit.Unit}}; reading age {{f1 .ReadingAge}}; {{if .Ready}}ready to post{{else}}needs work{{range .Findings}}: {{.Message}}{{end}}{{end}}</p></div>
{{end}}{{end}}
{{end}}

{{define "widgets"}}
<h1>Widgets</h1>
<p>Two web components any council page can embed with two lines of HTML: a readability checker that scores text against the content standards as it is typed, in the browser, and a journey widget that shows where a decision is.</p>
{{if .Built}}<p class="inset">The widgets run when this site is served (<code>civickit demo --out DIR --serve</code>); opened from a file, the page shows what a browser without JavaScript shows.</p>
{{else}}<p class="inset">The widgets were not built in this run ({{.Err}}). Build them with <code>civickit widgets build --out DIR</code> from civickit's source.</p>{{end}}
<h2 id="check-heading">Readability checker</h2>
<label for="draft">A draft post from the sample council</label>
<textarea id="draft" name="draft" rows="8">{{.Draft}}</textarea>
<civic-readability for="draft" preset="govuk" label="Readability of the draft"></civic-readability>
<h2>Where decisions are</h2>
{{range .Picks}}<civic-journey>
<script type="application/json">{{.Summary}}</script>
<p><a href="{{.Page}}">{{.D.D.ID}}: {{.D.D.Title}}</a></p>
</civic-journey>
{{with .D.Posts}}<h3>Posts for {{.Title}}</h3>
{{range .Posts}}<div class="post"><h4>{{.Channel}}</h4><p class="post-text">{{.Text}}</p><p class="hint">{{.Length}} of {{.Limit.Max}} {{.Limit.Unit}}; {{if .Ready}}ready to post{{else}}needs work{{end}}</p></div>
{{end}}{{end}}{{end}}
<h2>Put them on your site</h2>
{{if .Snippet}}<p>Copy the widgets' folder to your site, then add these lines to a page:</p>
<pre><code>{{.Snippet}}</code></pre>{{end}}
{{if .Files}}<table class="table"><caption>The widgets' files, in bytes</caption>
<thead><tr><th scope="col">File</th><th scope="col" class="num">Size</th><th scope="col" class="num">gzip</th><th scope="col" class="num">brotli</th></tr></thead>
<tbody>{{range .Files}}<tr><td>{{.Name}}</td><td class="num">{{.Size}}</td><td class="num">{{.Gzip}}</td><td class="num">{{.Brotli}}</td></tr>{{end}}</tbody></table>{{end}}
{{end}}
`

// demoCSS is the demo site's stylesheet, in the manner of the GOV.UK
// Design System, with the classes of the reports it shows.
const demoCSS = `body{margin:0;font-family:arial,sans-serif;color:#0b0c0c;background:#fff;font-size:19px;line-height:1.35}
a{color:#1d70b8}a:visited{color:#4c2c92}a:hover{color:#003078}
a:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.wrap{max-width:1020px;margin:0 15px}@media(min-width:1050px){.wrap{margin:0 auto}}
.skip-link{position:absolute;left:-9999px}.skip-link:focus{left:0;top:0;padding:10px;z-index:1}
.app-header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8}
.app-header>.wrap{padding:12px 0}
.app-brand{color:#fff !important;font-weight:700;font-size:24px;text-decoration:none;margin-right:12px}
.app-council{color:#fff}
.app-nav{background:#f3f2f1;color:#0b0c0c}
.app-nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
.app-nav li{margin:0 18px 0 0}.app-nav a{display:inline-block;padding:10px 0;font-weight:700;font-size:16px}
.app-nav a[aria-current=page]{color:#0b0c0c;border-bottom:4px solid #1d70b8;text-decoration:none}
main{display:block;padding:30px 0 40px}
h1{font-size:40px;margin:0 0 25px;line-height:1.1}h2{font-size:28px;margin:35px 0 15px}h3{font-size:22px;margin:25px 0 10px}h4{font-size:19px;margin:15px 0 5px}
.caption{display:block;color:#505a5f;font-size:22px;margin-bottom:5px}
.lead{font-size:22px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:20px}
.card{border-top:5px solid #1d70b8;background:#f3f2f1;padding:5px 15px 10px}.card h2{font-size:22px;margin:10px 0}
.table,table{width:100%;border-collapse:collapse;margin:0 0 30px}
.table th,.table td,table th,table td{padding:8px 12px 8px 0;border-bottom:1px solid #b1b4b6;text-align:left;vertical-align:top}
.num,td.n,th.n{text-align:right}
caption{text-align:left;font-weight:700;margin-bottom:10px}
.visually-hidden,.civic-step-nav__visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important}
.summary dt{font-weight:700;float:left;clear:left;width:45%;padding:6px 0}.summary dd{margin-left:47%;padding:6px 0;border-bottom:1px solid #b1b4b6}
.summary:after{content:"";display:block;clear:both}
.list{padding-left:20px}.list li{margin-bottom:6px}
.tag{display:inline-block;padding:2px 8px;font-weight:700;font-size:16px;background:#e5e6e7;color:#282d30}
.tag-green{background:#cce2d8;color:#005a30}.tag-yellow{background:#fff7bf;color:#594d00}.tag-orange{background:#fcd6c3;color:#6e3619}.tag-red{background:#f4cdc6;color:#2a0b06}.tag-grey{background:#eeefef;color:#383f43}
.inset{padding:15px;border-left:10px solid #b1b4b6;margin:20px 0}
.hint{color:#505a5f;font-size:16px}small{color:#505a5f}
.note{padding:10px;border-left:5px solid #1d70b8;background:#f3f2f1}
.persona{border-top:4px solid #1d70b8;margin-top:2rem}svg rect{fill:#1d70b8}
.chart{margin:0 0 30px;overflow-x:auto}.chart svg{max-width:100%;height:auto}
.chart-label,.chart-value{font-family:arial,sans-serif;font-size:14px;fill:#0b0c0c}
.chart svg rect.chart-bar{fill:#1d70b8}.chart svg rect.chart-prev{fill:#505a5f}
figcaption{font-size:16px;color:#505a5f}
.post{border-left:5px solid #b1b4b6;padding:0 0 0 15px;margin:0 0 20px}.post-text{white-space:pre-wrap}
textarea{width:100%;box-sizing:border-box;font:inherit;border:2px solid #0b0c0c;padding:5px}
label{display:block;font-weight:700;margin-bottom:5px}
pre{background:#f3f2f1;padding:10px;overflow-x:auto}
.civic-step-nav__status dt{font-weight:700}.civic-step-nav__status dd{margin:0 0 10px}
.civic-step-nav__steps{list-style:none;padding:0;margin:20px 0}
.civic-step-nav__step{border-left:3px solid #b1b4b6;padding:0 0 10px 20px;margin-left:15px;position:relative}
.civic-step-nav__step--done{border-left-color:#00703c}.civic-step-nav__step--current{border-left-color:#1d70b8}
.civic-step-nav__step--skipped,.civic-step-nav__step--not-reached,.civic-step-nav__step--not-recorded{color:#505a5f}
.civic-step-nav__heading{font-size:19px;margin:0 0 5px}
.civic-step-nav__circle{display:inline-block;min-width:28px;height:28px;line-height:28px;border-radius:50%;background:#fff;border:2px solid #b1b4b6;text-align:center;font-size:16px;margin-left:-37px;margin-right:6px}
.civic-step-nav__step--current .civic-step-nav__circle{background:#1d70b8;border-color:#1d70b8;color:#fff}
.civic-step-nav__step--done .civic-step-nav__circle{border-color:#00703c}
.civic-step-nav__panel p{margin:5px 0}
.app-footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:20px 0;font-size:16px}
`

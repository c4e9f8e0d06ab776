package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/civickit/civickit/civic/calendar"
)

// The Kirklees wards in force from the ordinary day of election, 7 May
// 2026, under the Kirklees (Electoral Changes) Order 2025 (SI 2025/565),
// with their ONS GSS codes (E05016501 to E05016523, in alphabetical
// order of name as ONS assigns them). Verified is true for the codes seen
// directly against the ward name in the ONS Postcode Directory as served
// by postcodes.io (admin_ward); the others are inferred from the
// alphabetical run, which is bounded by Calderdale's codes below and
// Wakefield's above (see README.md). Population is a synthetic round
// figure near the borough's average (Kirklees had 433,200 residents at
// the 2021 census), not an official ward estimate.
var wardTable = []ward{
	{"Almondbury", "E05016501", false, "Huddersfield", 17800, []string{"Almondbury", "Fenay Bridge", "Waterloo"}},
	{"Ashbrow", "E05016502", false, "Huddersfield", 20100, []string{"Fartown", "Bradley", "Sheepridge", "Deighton"}},
	{"Batley East", "E05016503", false, "Batley and Spen", 19600, []string{"Batley", "Soothill", "Hanging Heaton"}},
	{"Batley West", "E05016504", false, "Batley and Spen", 19900, []string{"Carlinghow", "Staincliffe", "Healey"}},
	{"Birstall & Birkenshaw", "E05016505", false, "Batley and Spen", 17500, []string{"Birstall", "Birkenshaw", "Howden Clough"}},
	{"Cleckheaton", "E05016506", false, "Batley and Spen", 17900, []string{"Cleckheaton", "Scholes", "Hunsworth"}},
	{"Colne Valley East", "E05016507", true, "Colne Valley", 18700, []string{"Golcar", "Milnsbridge", "Cowlersley", "Paddock"}},
	{"Colne Valley West", "E05016508", true, "Colne Valley", 17300, []string{"Marsden", "Slaithwaite", "Linthwaite", "Scapegoat Hill"}},
	{"Crosland Moor", "E05016509", false, "Huddersfield", 19400, []string{"Crosland Moor", "Lockwood", "Folly Hall"}},
	{"Dalton", "E05016510", false, "Huddersfield", 20600, []string{"Dalton", "Kirkheaton", "Moldgreen", "Rawthorpe"}},
	{"Denby Dale", "E05016511", false, "Kirklees Rural", 17600, []string{"Denby Dale", "Skelmanthorpe", "Scissett", "Clayton West"}},
	{"Dewsbury East", "E05016512", false, "Dewsbury and Mirfield", 19200, []string{"Earlsheaton", "Chickenley", "Dewsbury Town"}},
	{"Dewsbury South", "E05016513", true, "Dewsbury and Mirfield", 20800, []string{"Ravensthorpe", "Thornhill", "Overthorpe"}},
	{"Dewsbury West", "E05016514", false, "Dewsbury and Mirfield", 21300, []string{"Savile Town", "Westborough", "Dewsbury Moor"}},
	{"Greenhead", "E05016515", true, "Huddersfield", 20400, []string{"Marsh", "Edgerton", "Birkby", "Hillhouse"}},
	{"Heckmondwike", "E05016516", false, "Batley and Spen", 18900, []string{"Heckmondwike", "Flush", "Norristhorpe"}},
	{"Holme Valley North", "E05016517", false, "Kirklees Rural", 17700, []string{"Honley", "Meltham", "Brockholes"}},
	{"Holme Valley South", "E05016518", false, "Kirklees Rural", 16900, []string{"Holmfirth", "Hepworth", "Holmbridge", "New Mill"}},
	{"Kirkburton", "E05016519", true, "Kirklees Rural", 17400, []string{"Kirkburton", "Shepley", "Shelley", "Lepton"}},
	{"Lindley", "E05016520", true, "Huddersfield", 19300, []string{"Lindley", "Salendine Nook", "Oakes", "Quarmby"}},
	{"Liversedge & Gomersal", "E05016521", true, "Batley and Spen", 18600, []string{"Liversedge", "Gomersal", "Roberttown", "Hightown"}},
	{"Mirfield", "E05016522", true, "Dewsbury and Mirfield", 19500, []string{"Mirfield", "Battyeford", "Hopton"}},
	{"Netherton & Newsome", "E05016523", true, "Huddersfield", 18800, []string{"Netherton", "Newsome", "Berry Brow", "Armitage Bridge"}},
}

// District is Kirklees's own area: the metropolitan district, GSS
// E08000034 (as in journey.Profile("kirklees")).
const (
	DistrictGSS  = "E08000034"
	DistrictName = "Kirklees"
	CouncilID    = "kirklees"
)

// WardsValidFrom is the ordinary day of election in 2026, when SI
// 2025/565 art 3 brought the wards into force for all purposes.
var WardsValidFrom = calendar.NewDate(2026, time.May, 7)

// TermStart is the day councillors elected on 7 May 2026 took office
// (the fourth day after the election).
var TermStart = calendar.NewDate(2026, time.May, 11)

// The two audit snapshots, a month apart, and the day the data describe.
var (
	Snapshot1 = calendar.NewDate(2026, time.November, 2)
	Snapshot2 = calendar.NewDate(2026, time.December, 1)
	AsOf      = Snapshot2
)

// Target counts.
const (
	TotalGroups   = 1500
	TotalCitizens = 1800
)

type ward struct {
	Name     string
	GSS      string
	Verified bool
	Region   string
	Pop      int
	Places   []string
}

// Engagement levels of councillors online.
type level int

const (
	barely   level = iota // barely online: one dormant account or none
	low                   // occasional
	active                // regular
	champion              // a digital champion
)

func (l level) String() string {
	return [...]string{"barely", "low", "active", "champion"}[l]
}

type councillor struct {
	ID, First, Last string
	Ward            int
	Seat            int // 1 to 3
	Level           level
	Role            string // as persona.Roles
	Years           int
	Accounts        []account
	Committees      []int // group indexes the councillor sits on
}

func (c *councillor) Name() string  { return c.First + " " + c.Last }
func (c *councillor) Label() string { return "Cllr " + c.Name() }

type account struct {
	Platform, Handle, URL string
	Followers             int
	// Activity is the mean days between posts; 0 for none.
	Activity int
}

type group struct {
	ID, Name string
	Ward     int
	Place    string
	Type     *groupType
	Members  int
	Accounts []account
	// Vigour is how active the group is online, 0 to 1.
	Vigour float64
	// Broker marks a group that works across wards.
	Broker bool
	// New marks a group first seen in the second snapshot; Gone one not
	// seen in it.
	New, Gone bool
}

type actor struct {
	ID, Label, Kind string
	Ward            int // -1 for borough-wide
	Accounts        []account
}

type world struct {
	wards       []ward
	councillors []*councillor
	groups      []*group
	council     []actor // council accounts
	partners    []actor
	citizens    []actor
	// links are the register's links column as of the second snapshot:
	// for each public actor, the groups it belongs to or works with, from
	// the network's ties.
	links  map[string][]string
	newIDs map[string]bool
}

// newRand returns the generator's random source for one artefact: the
// seed and a stream number, so that changing one artefact's generation
// does not change the others.
func newRand(seed uint64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}

// build makes the actors every artefact shares.
func build(seed uint64) (*world, error) {
	w := &world{wards: wardTable}
	if err := w.makeCouncillors(newRand(seed, 1)); err != nil {
		return nil, err
	}
	w.makeGroups(newRand(seed, 2))
	w.makeOthers(newRand(seed, 3))
	w.makeCommittees(newRand(seed, 4))
	return w, nil
}

// Deliberately generic first names and surnames. Surnames of real
// Kirklees councillors and recent candidates (realSurnames) are never
// used, so that no councillor's name is a real member's.
var (
	firstNames = []string{
		"Alex", "Sam", "Jo", "Chris", "Jamie", "Robin", "Kim", "Morgan", "Ruth", "Helen", "Sarah", "Rachel",
		"Claire", "Emma", "Laura", "Amy", "Peter", "Mark", "Stephen", "Martin", "Neil", "Gary", "Ian", "Julie",
		"Joanne", "Nicola", "Gemma", "Aisha", "Amina", "Fatima", "Zainab", "Saima", "Nadia", "Tariq", "Bilal",
		"Adnan", "Faisal", "Harjit", "Priya", "Sunita", "Ravi", "Anil", "Grace", "Kwame", "Marek", "Agnieszka",
		"Siobhan", "Ciaran", "Megan", "Rhys", "Owen", "Lucy", "Tom", "Ben", "Kate", "Anna", "Yasmin", "Omar",
		"Hamza", "Sofia", "Leah", "Ellie", "Naveed", "Shazia", "Rukhsana", "Daniel", "Simon", "Carol", "Maureen", "Derek", "Janet",
	}
	surnames = []string{
		"Ackroyd", "Barraclough", "Haigh", "Brook", "Crowther", "Dyson", "Hirst", "Kaye", "Mellor", "Oldroyd",
		"Pickles", "Ramsden", "Schofield", "Stansfield", "Thewlis", "Whiteley", "Holroyd", "Beaumont",
		"Bottomley", "Charlesworth", "Dransfield", "Exley", "Fielding", "Gledhill", "Jagger", "Littlewood",
		"Norcliffe", "Pogson", "Rhodes", "Sutcliffe", "Tolson", "Varley", "Wilde", "Yates", "Iqbal", "Rashid",
		"Qureshi", "Malik", "Chaudhry", "Sharif", "Nawaz", "Aslam", "Bashir", "Latif", "Rehman", "Mistry",
		"Parmar", "Sandhu", "Bains", "Kowalski", "Nowak", "Mensah", "Adeyemi", "Byrne", "Doyle", "Gallagher",
		"Jenkins", "Lloyd", "Fairbank", "Greenwood", "Heaton", "Lumb", "Moorhouse", "Sugden", "Tattersall",
		"Calverley", "Hollings", "Brierley", "Wainwright", "Ogden", "Lister", "Hinchliffe", "Kilner",
	}
)

// realSurnames are the surnames of real Kirklees councillors and recent
// candidates found in public reporting of the 2022 and 2023 elections
// (candidate lists and results in the local press) and of members known
// from the council's published lists. The list is not complete: a surname
// left off it could still belong to a real member, which is why the first
// names are generic too and no handle or address is real.
var realSurnames = []string{
	"Addy", "Ahmed", "Akram", "Ali", "Daji", "Eaton", "Gavaghan", "Kahut", "Lowe", "McKaig", "Parker", "Senior", "Shepherd", "Smaje", "Allison", "Anwar", "Armer", "Beck", "Bellamy", "Bird", "Bolt", "Briggs",
	"Burke", "Butt", "Cooper", "Cope", "Crook", "Dad", "Darwan", "Davies", "Duffy", "Firth", "Gedman", "Greaves",
	"Gregg", "Guy", "Hall", "Hawkins", "Holmes", "Hullock", "Hussain", "Kaushik", "Kendrick", "Khan", "Laher",
	"Lawson", "Lee-Richards", "Lees-Hamilton", "Long", "Lukic", "Lyons", "Mallinson", "Marchington", "Mayet",
	"McKerchar", "Moore", "O'Donovan", "Pandor", "Patel", "Patrick", "Pattison", "Phillips", "Pinnock",
	"Pugsley", "Ramsay", "Reynolds", "Richards", "Rossington", "Rylah", "Safdar", "Scott", "Shahbaz", "Sharp",
	"Sheard", "Simmons", "Simpson", "Smith", "Snee", "Sokhal", "Steele", "Taylor", "Turner", "Ullah", "Uppal",
	"Walsh", "Warner", "Warrillow", "Watson", "Whittingham", "Woodlock", "Zaman",
}

// Slug makes an id of a name: lower case, words joined by hyphens.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'':
		default:
			dash = true
		}
	}
	return b.String()
}

// handle returns the account's handle and address on a platform, under
// reserved example domains (RFC 2606) so that none is a real account.
func handle(platform, slug string) (h, url string) {
	switch platform {
	case "mastodon":
		return "@" + slug + "@example.social", "https://example.social/@" + slug
	case "bluesky":
		return slug + ".bsky.example", "https://bsky.example/profile/" + slug + ".bsky.example"
	case "website":
		return "", "https://" + slug + ".example.org.uk/"
	case "whatsapp":
		return "", "https://chat.whatsapp.example/" + slug
	case "email":
		return slug + "@example.org.uk", ""
	}
	return "@" + slug + "@" + platform + ".example", "https://" + platform + ".example/" + slug
}

func (w *world) makeCouncillors(r *rand.Rand) error {
	used := map[string]bool{}
	for _, s := range realSurnames {
		used["surname:"+strings.ToLower(s)] = true
	}
	for _, s := range surnames {
		if used["surname:"+strings.ToLower(s)] {
			return fmt.Errorf("surname %q is a real Kirklees councillor's", s)
		}
	}
	// 10 champions, 22 active, 22 low, 15 barely online, shuffled.
	var levels []level
	for l, n := range map[level]int{champion: 10, active: 22, low: 22, barely: 15} {
		for range n {
			levels = append(levels, l)
		}
	}
	slices.Sort(levels) // map order is random: sort before shuffling
	r.Shuffle(len(levels), func(i, j int) { levels[i], levels[j] = levels[j], levels[i] })
	roles := make([]string, 69)
	for i := range roles {
		switch {
		case i == 0:
			roles[i] = "leader"
		case i <= 8:
			roles[i] = "cabinet"
		case i <= 18:
			roles[i] = "committee_chair"
		case i <= 21:
			roles[i] = "other"
		default:
			roles[i] = "backbencher"
		}
	}
	r.Shuffle(len(roles), func(i, j int) { roles[i], roles[j] = roles[j], roles[i] })
	// Draw without replacement, so that no two councillors share a first
	// name or a surname.
	firstPool := slices.Clone(firstNames)
	r.Shuffle(len(firstPool), func(i, j int) { firstPool[i], firstPool[j] = firstPool[j], firstPool[i] })
	surnamePool := slices.Clone(surnames)
	r.Shuffle(len(surnamePool), func(i, j int) { surnamePool[i], surnamePool[j] = surnamePool[j], surnamePool[i] })
	if len(firstPool) < 3*len(w.wards) || len(surnamePool) < 3*len(w.wards) {
		return fmt.Errorf("%d first names and %d surnames for %d councillors", len(firstPool), len(surnamePool), 3*len(w.wards))
	}
	for wi := range w.wards {
		for seat := 1; seat <= 3; seat++ {
			i := len(w.councillors)
			first, last := firstPool[i], surnamePool[i]
			c := &councillor{ID: "cllr-" + Slug(first+" "+last), First: first, Last: last, Ward: wi, Seat: seat,
				Level: levels[i], Role: roles[i]}
			// A third were first elected in May 2026.
			if r.Float64() < 0.3 {
				c.Years = 0
			} else {
				c.Years = 1 + int(r.ExpFloat64()*7)
				c.Years = min(c.Years, 32)
			}
			c.Accounts = councillorAccounts(r, c)
			w.councillors = append(w.councillors, c)
		}
	}
	return nil
}

// councillorAccounts gives a councillor the accounts their level of
// engagement suggests.
func councillorAccounts(r *rand.Rand, c *councillor) []account {
	slug := "cllr-" + Slug(c.First+" "+c.Last)
	var plats []string
	switch c.Level {
	case barely:
		if r.Float64() < 0.6 {
			plats = []string{"facebook"}
		}
	case low:
		plats = []string{"facebook"}
		if r.Float64() < 0.4 {
			plats = append(plats, "x")
		}
	case active:
		plats = []string{"facebook", "x"}
		if r.Float64() < 0.5 {
			plats = append(plats, "instagram")
		}
		if r.Float64() < 0.3 {
			plats = append(plats, "nextdoor")
		}
	case champion:
		plats = []string{"facebook", "x", "instagram", "mastodon"}
		if r.Float64() < 0.6 {
			plats = append(plats, "bluesky")
		}
		if r.Float64() < 0.5 {
			plats = append(plats, "website")
		}
	}
	base := [...]float64{40, 220, 900, 2600}[c.Level]
	every := [...]int{120, 21, 5, 1}[c.Level]
	var out []account
	for i, p := range plats {
		h, u := handle(p, slug)
		f := int(base * math.Exp(r.NormFloat64()*0.5) / float64(i+1))
		if p == "website" {
			f = 0
		}
		out = append(out, account{Platform: p, Handle: h, URL: u, Followers: f, Activity: every * (i + 1)})
	}
	return out
}

// groupType is a kind of community group: a name pattern, a usual size
// and the platforms such groups use.
type groupType struct {
	Pattern   string
	Members   [2]int
	Platforms []string // the first is the main one
	Topic     string
	// Where limits the type to "town" wards (Huddersfield, Dewsbury,
	// Batley and Spen) or "village" wards (Colne Valley and the rural
	// south); empty means anywhere.
	Where string
}

var groupTypes = []groupType{
	{Pattern: "%s Community Association", Members: [2]int{40, 400}, Platforms: []string{"facebook", "website"}, Topic: "community"},
	{Pattern: "%s Residents' Association", Members: [2]int{30, 300}, Platforms: []string{"facebook", "nextdoor"}, Topic: "community"},
	{Pattern: "Friends of %s Park", Members: [2]int{20, 250}, Platforms: []string{"facebook", "instagram"}, Topic: "environment"},
	{Pattern: "%s Food Bank", Members: [2]int{25, 150}, Platforms: []string{"facebook", "website", "x"}, Topic: "poverty"},
	{Pattern: "%s Litter Pickers", Members: [2]int{15, 300}, Platforms: []string{"facebook", "whatsapp"}, Topic: "environment"},
	{Pattern: "%s Allotment Society", Members: [2]int{20, 120}, Platforms: []string{"facebook", "whatsapp"}, Topic: "environment"},
	{Pattern: "%s Junior Football Club", Members: [2]int{60, 400}, Platforms: []string{"facebook", "instagram", "x"}, Topic: "sport"},
	{Pattern: "%s Cricket Club", Members: [2]int{40, 250}, Platforms: []string{"facebook", "x", "website"}, Topic: "sport"},
	{Pattern: "%s Community Choir", Members: [2]int{15, 80}, Platforms: []string{"facebook", "instagram"}, Topic: "arts"},
	{Pattern: "%s Parent and Toddler Group", Members: [2]int{10, 90}, Platforms: []string{"facebook", "whatsapp"}, Topic: "families"},
	{Pattern: "%s Men's Shed", Members: [2]int{10, 60}, Platforms: []string{"facebook"}, Topic: "health"},
	{Pattern: "Friends of %s Library", Members: [2]int{10, 120}, Platforms: []string{"facebook", "x"}, Topic: "libraries"},
	{Pattern: "%s Walking Group", Members: [2]int{15, 150}, Platforms: []string{"facebook", "whatsapp"}, Topic: "health"},
	{Pattern: "%s Community Garden", Members: [2]int{15, 120}, Platforms: []string{"instagram", "facebook"}, Topic: "environment"},
	{Pattern: "%s Neighbourhood Watch", Members: [2]int{20, 600}, Platforms: []string{"facebook", "nextdoor", "whatsapp"}, Topic: "safety"},
	{Pattern: "%s Scouts and Guides", Members: [2]int{30, 150}, Platforms: []string{"facebook", "website"}, Topic: "young people"},
	{Pattern: "%s Carers' Cafe", Members: [2]int{10, 60}, Platforms: []string{"facebook"}, Topic: "health"},
	{Pattern: "%s History Society", Members: [2]int{15, 200}, Platforms: []string{"facebook", "website"}, Topic: "heritage"},
	{Pattern: "%s Village Hall", Members: [2]int{20, 300}, Platforms: []string{"facebook", "website"}, Topic: "community", Where: "village"},
	{Pattern: "%s Warm Space", Members: [2]int{10, 80}, Platforms: []string{"facebook"}, Topic: "poverty"},
	{Pattern: "%s Repair Cafe", Members: [2]int{10, 90}, Platforms: []string{"facebook", "instagram", "mastodon"}, Topic: "environment"},
	{Pattern: "%s Running Club", Members: [2]int{30, 300}, Platforms: []string{"facebook", "instagram"}, Topic: "sport"},
	{Pattern: "%s Lunch Club for Over-60s", Members: [2]int{15, 70}, Platforms: []string{"facebook"}, Topic: "older people"},
	{Pattern: "%s Bowling Club", Members: [2]int{20, 90}, Platforms: []string{"facebook", "website"}, Topic: "sport"},
	{Pattern: "%s Brass Band", Members: [2]int{20, 60}, Platforms: []string{"facebook", "website", "x"}, Topic: "arts"},
	{Pattern: "%s Parents' Forum", Members: [2]int{20, 200}, Platforms: []string{"facebook", "whatsapp"}, Topic: "families"},
	{Pattern: "%s Cycle Group", Members: [2]int{20, 200}, Platforms: []string{"facebook", "mastodon", "bluesky"}, Topic: "transport"},
	{Pattern: "%s in Bloom", Members: [2]int{10, 80}, Platforms: []string{"facebook", "instagram"}, Topic: "environment"},
	{Pattern: "%s Community Pantry", Members: [2]int{30, 200}, Platforms: []string{"facebook", "whatsapp"}, Topic: "poverty"},
	{Pattern: "%s Refugee Welcome", Members: [2]int{15, 150}, Platforms: []string{"facebook", "x", "bluesky"}, Topic: "inclusion", Where: "town"},
	{Pattern: "%s Knit and Natter", Members: [2]int{8, 40}, Platforms: []string{"facebook"}, Topic: "older people"},
	{Pattern: "%s Tenants' and Residents' Association", Members: [2]int{25, 300}, Platforms: []string{"facebook"}, Topic: "housing", Where: "town"},
	{Pattern: "%s Flood Action Group", Members: [2]int{15, 150}, Platforms: []string{"facebook", "x", "whatsapp"}, Topic: "environment", Where: "village"},
	{Pattern: "%s Community Forum", Members: [2]int{40, 900}, Platforms: []string{"facebook", "nextdoor"}, Topic: "community"},
	{Pattern: "%s Past and Present", Members: [2]int{200, 4000}, Platforms: []string{"facebook"}, Topic: "heritage"},
	{Pattern: "%s Noticeboard", Members: [2]int{500, 9000}, Platforms: []string{"facebook", "nextdoor"}, Topic: "community"},
	{Pattern: "%s Youth Club", Members: [2]int{20, 120}, Platforms: []string{"instagram", "facebook"}, Topic: "young people"},
	{Pattern: "%s Dementia Friends", Members: [2]int{10, 80}, Platforms: []string{"facebook"}, Topic: "health"},
	{Pattern: "%s Swimming Club", Members: [2]int{40, 300}, Platforms: []string{"facebook", "website"}, Topic: "sport"},
	{Pattern: "%s Women's Group", Members: [2]int{10, 90}, Platforms: []string{"facebook", "whatsapp"}, Topic: "inclusion"},
	{Pattern: "%s Mosque Community Outreach", Members: [2]int{30, 300}, Platforms: []string{"facebook", "whatsapp", "instagram"}, Topic: "faith", Where: "town"},
	{Pattern: "%s Church Community Cafe", Members: [2]int{15, 120}, Platforms: []string{"facebook"}, Topic: "faith"},
	{Pattern: "%s Gurdwara Langar Volunteers", Members: [2]int{20, 150}, Platforms: []string{"facebook", "whatsapp"}, Topic: "faith", Where: "town"},
	{Pattern: "%s Climate Action", Members: [2]int{20, 250}, Platforms: []string{"mastodon", "bluesky", "facebook"}, Topic: "environment"},
	{Pattern: "%s Buy Nothing", Members: [2]int{100, 2000}, Platforms: []string{"facebook"}, Topic: "community"},
	{Pattern: "%s Business Network", Members: [2]int{20, 150}, Platforms: []string{"x", "facebook", "website"}, Topic: "economy"},
	{Pattern: "%s Gala Committee", Members: [2]int{8, 40}, Platforms: []string{"facebook", "instagram"}, Topic: "community", Where: "village"},
	{Pattern: "%s Book Group", Members: [2]int{6, 30}, Platforms: []string{"facebook"}, Topic: "libraries"},
	{Pattern: "%s Dog Walkers", Members: [2]int{30, 500}, Platforms: []string{"facebook"}, Topic: "community"},
	{Pattern: "%s Community Transport", Members: [2]int{10, 80}, Platforms: []string{"facebook", "website"}, Topic: "transport"},
	{Pattern: "%s Amateur Dramatics", Members: [2]int{15, 80}, Platforms: []string{"facebook", "instagram"}, Topic: "arts"},
	{Pattern: "%s Girls' Football", Members: [2]int{20, 150}, Platforms: []string{"instagram", "facebook"}, Topic: "sport"},
	{Pattern: "%s Homework Club", Members: [2]int{10, 60}, Platforms: []string{"facebook", "whatsapp"}, Topic: "young people", Where: "town"},
	{Pattern: "%s Disability Forum", Members: [2]int{10, 120}, Platforms: []string{"facebook", "website"}, Topic: "inclusion"},
}

// fits reports whether a group of this type belongs in ward wd.
func (gt *groupType) fits(wd ward) bool {
	village := wd.Region == "Kirklees Rural" || wd.Region == "Colne Valley"
	return gt.Where == "" || (gt.Where == "village") == village
}

// Broker groups work across the wards of a region.
var brokerGroups = []struct{ Name, Region string }{
	{"Colne Valley Litter Network", "Colne Valley"},
	{"Colne Valley Food Partnership", "Colne Valley"},
	{"Holme Valley Climate Partnership", "Kirklees Rural"},
	{"Denby Dale and Kirkburton Rural Transport", "Kirklees Rural"},
	{"Huddersfield Food Network", "Huddersfield"},
	{"Huddersfield Refugee Support Network", "Huddersfield"},
	{"Huddersfield Youth Alliance", "Huddersfield"},
	{"Spen Valley Together", "Batley and Spen"},
	{"Batley and Birstall Community Network", "Batley and Spen"},
	{"Dewsbury Interfaith Forum", "Dewsbury and Mirfield"},
	{"Dewsbury and Mirfield Carers' Network", "Dewsbury and Mirfield"},
	{"North Kirklees Food Alliance", "Dewsbury and Mirfield"},
	{"Kirklees Cycle Campaign Volunteers", ""},
	{"Kirklees Allotment Federation", ""},
	{"Kirklees Warm Spaces Network", ""},
	{"Kirklees Friends of Parks Forum", ""},
	{"Kirklees Disability Voices", ""},
	{"Kirklees Youth Voice", ""},
}

func (w *world) makeGroups(r *rand.Rand) {
	total := 0
	for _, wd := range w.wards {
		total += wd.Pop
	}
	// Largest remainder, so that the counts add up to TotalGroups less the
	// broker groups.
	want := TotalGroups - len(brokerGroups)
	counts := make([]int, len(w.wards))
	type rem struct {
		i int
		f float64
	}
	var rems []rem
	n := 0
	for i, wd := range w.wards {
		exact := float64(want) * float64(wd.Pop) / float64(total)
		counts[i] = int(exact)
		n += counts[i]
		rems = append(rems, rem{i, exact - float64(counts[i])})
	}
	slices.SortStableFunc(rems, func(a, b rem) int {
		switch {
		case a.f > b.f:
			return -1
		case a.f < b.f:
			return 1
		}
		return a.i - b.i
	})
	for k := 0; n < want; k++ {
		counts[rems[k].i]++
		n++
	}
	seen := map[string]bool{}
	for wi, wd := range w.wards {
		for made := 0; made < counts[wi]; {
			place := wd.Places[r.IntN(len(wd.Places))]
			gt := &groupTypes[r.IntN(len(groupTypes))]
			if !gt.fits(wd) {
				continue
			}
			name := fmt.Sprintf(gt.Pattern, place)
			id := "grp-" + Slug(name)
			if seen[id] {
				continue
			}
			seen[id] = true
			w.groups = append(w.groups, w.newGroup(r, id, name, wi, place, gt))
			made++
		}
	}
	for _, b := range brokerGroups {
		home := 0
		for wi, wd := range w.wards {
			if wd.Region == b.Region || b.Region == "" && wd.Name == "Dalton" {
				home = wi
				break
			}
		}
		gt := &groupTypes[0]
		g := w.newGroup(r, "grp-"+Slug(b.Name), b.Name, home, "", gt)
		g.Broker = true
		g.Vigour = 0.6 + 0.4*r.Float64()
		g.Members = 150 + r.IntN(900)
		w.groups = append(w.groups, g)
	}
	// About 2% of the groups in the second snapshot are new in it, and
	// 30 groups of the first have closed by then.
	for _, g := range w.groups {
		if !g.Broker && r.Float64() < 0.02 {
			g.New = true
		}
	}
	for made := 0; made < 30; {
		wi := r.IntN(len(w.wards))
		wd := w.wards[wi]
		place := wd.Places[r.IntN(len(wd.Places))]
		gt := &groupTypes[r.IntN(len(groupTypes))]
		name := fmt.Sprintf(gt.Pattern, place)
		id := "grp-" + Slug(name)
		if seen[id] || !gt.fits(wd) {
			continue
		}
		seen[id] = true
		g := w.newGroup(r, id, name, wi, place, gt)
		g.Gone = true
		w.groups = append(w.groups, g)
		made++
	}
}

func (w *world) newGroup(r *rand.Rand, id, name string, wi int, place string, gt *groupType) *group {
	lo, hi := gt.Members[0], gt.Members[1]
	// Log-uniform membership between the type's bounds.
	m := int(float64(lo) * math.Pow(float64(hi)/float64(lo), r.Float64()))
	g := &group{ID: id, Name: name, Ward: wi, Place: place, Type: gt, Members: m, Vigour: math.Pow(r.Float64(), 1.5)}
	slug := strings.TrimPrefix(id, "grp-")
	for i, p := range gt.Platforms {
		if i > 0 && r.Float64() > 0.25+0.5*g.Vigour {
			continue
		}
		h, u := handle(p, slug)
		f := int(float64(m) * (0.8 + 2*r.Float64()) / float64(i+1))
		if p == "website" || p == "whatsapp" {
			f = 0
		}
		every := int(2 + 60*(1-g.Vigour)*(1+float64(i)))
		g.Accounts = append(g.Accounts, account{Platform: p, Handle: h, URL: u, Followers: f, Activity: every})
	}
	return g
}

func (w *world) makeOthers(r *rand.Rand) {
	for _, c := range []struct{ id, label, slug string }{
		{"council-main", "Kirklees Council (sample)", "kirklees-council"},
		{"council-democracy", "Democratic Services (sample)", "kirklees-democracy"},
		{"council-libraries", "Kirklees Libraries (sample)", "kirklees-libraries"},
		{"council-environment", "Environment and Climate (sample)", "kirklees-environment"},
		{"council-highways", "Highways and Streets (sample)", "kirklees-highways"},
		{"council-youth", "Youth Services (sample)", "kirklees-youth"},
	} {
		var accs []account
		for i, p := range []string{"facebook", "x", "instagram", "mastodon"} {
			if i > 1 && c.id != "council-main" && r.Float64() < 0.5 {
				continue
			}
			h, u := handle(p, c.slug)
			accs = append(accs, account{Platform: p, Handle: h, URL: u, Followers: int(3000 * math.Exp(r.NormFloat64()) / float64(i+1)), Activity: 1 + i})
		}
		w.council = append(w.council, actor{ID: c.id, Label: c.label, Kind: "council_account", Ward: -1, Accounts: accs})
	}
	for _, p := range []struct{ id, label string }{
		{"partner-police-huddersfield", "Neighbourhood Policing Team, Huddersfield (sample)"},
		{"partner-police-dewsbury", "Neighbourhood Policing Team, Dewsbury (sample)"},
		{"partner-police-spen", "Neighbourhood Policing Team, Batley and Spen (sample)"},
		{"partner-fire", "Fire and Rescue Community Safety (sample)"},
		{"partner-health", "Community Health Partnership (sample)"},
		{"partner-housing-north", "Housing Association North (sample)"},
		{"partner-housing-south", "Housing Association South (sample)"},
		{"partner-volunteers", "Volunteer Centre (sample)"},
		{"partner-college", "Further Education College (sample)"},
		{"partner-university", "University Community Engagement (sample)"},
		{"partner-arts", "Arts Development Trust (sample)"},
		{"partner-transport", "Bus Operator Community Team (sample)"},
	} {
		h, u := handle("facebook", strings.TrimPrefix(p.id, "partner-")+"-sample")
		w.partners = append(w.partners, actor{ID: p.id, Label: p.label, Kind: "partner", Ward: -1,
			Accounts: []account{{Platform: "facebook", Handle: h, URL: u, Followers: 500 + r.IntN(4000), Activity: 3}}})
	}
	// Citizens in proportion to population, with pseudonymous ids only.
	total := 0
	for _, wd := range w.wards {
		total += wd.Pop
	}
	n := 0
	for wi, wd := range w.wards {
		k := TotalCitizens * wd.Pop / total
		if wi == len(w.wards)-1 {
			k = TotalCitizens - n
		}
		for range k {
			n++
			w.citizens = append(w.citizens, actor{ID: fmt.Sprintf("cit-%06x", r.Uint32()&0xffffff), Label: fmt.Sprintf("Resident %d", n), Kind: "citizen", Ward: wi})
		}
	}
	// Make the ids unique.
	seen := map[string]bool{}
	for i := range w.citizens {
		for seen[w.citizens[i].ID] {
			w.citizens[i].ID = fmt.Sprintf("cit-%06x", r.Uint32()&0xffffff)
		}
		seen[w.citizens[i].ID] = true
	}
}

// makeCommittees seats active councillors on the committees of groups in
// their ward: the register's links column.
func (w *world) makeCommittees(r *rand.Rand) {
	byWard := w.groupsByWard()
	for _, c := range w.councillors {
		k := [...]int{0, 1, 2, 4}[c.Level]
		gs := byWard[c.Ward]
		for range k {
			if len(gs) == 0 {
				break
			}
			gi := gs[r.IntN(len(gs))]
			if !slices.Contains(c.Committees, gi) && !w.groups[gi].Gone {
				c.Committees = append(c.Committees, gi)
			}
		}
		slices.Sort(c.Committees)
	}
}

// groupsByWard lists each ward's group indexes, brokers included in their
// home ward.
func (w *world) groupsByWard() [][]int {
	out := make([][]int, len(w.wards))
	for i, g := range w.groups {
		out[g.Ward] = append(out[g.Ward], i)
	}
	return out
}

// regionWards lists the wards of each region.
func (w *world) regionWards(region string) []int {
	var out []int
	for i, wd := range w.wards {
		if region == "" || wd.Region == region {
			out = append(out, i)
		}
	}
	return out
}

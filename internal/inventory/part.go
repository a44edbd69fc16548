package inventory

// A Part is what the inventory pass collects in one package: its entry
// points, what its checks reported or accepted, and how its entry points
// touch each piece of state. File names are absolute until Build makes
// them relative.
type Part struct {
	Package  string
	Entries  []Entry
	Records  []Record
	Accesses []Access
}

// A Position is a place in a file.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// Valid reports whether p names a place.
func (p Position) Valid() bool { return p.File != "" }

// An Entry is a request-path entry point: a function a framework calls
// once per request, with the routes it is registered for.
type Entry struct {
	Pkg       string   // the package path
	PkgName   string   // the package name
	Func      string   // within the package: "(*Server).login", "main.func1"
	Pos       Position // its declaration
	Framework string
	Routes    []string // "POST /login"; empty when unknown
}

// A Step is one hop of a chain from a handler to a site.
type Step struct {
	Pos     Position `json:"pos"`
	Message string   `json:"message"`
}

// A Record is one finding of a check, reported or accepted.
type Record struct {
	Check    string
	Kind     string
	State    string // the state's identity across packages
	Name     string
	Decl     Position
	Pos      Position
	Entry    *Entry // nil when no handler of this package reaches it (a store construction, a schedule)
	Via      string // for a store wired here: the handler of another package that reaches it, and through what
	Route    string // that handler's route, when known
	Access   string
	Message  string
	Chain    []Step
	Accepted string // the directive's reason; empty when reported
}

// An Access is how an entry point writes or reads a piece of state, with
// the shortest chain to one site.
type Access struct {
	State string
	Entry Entry
	Op    string // "writes" or "reads"
	Chain []Step
}

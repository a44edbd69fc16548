package names

import (
	"strings"
	"unicode"
)

// Words splits "Server.userSessions" into server, user, sessions: the
// words of a name, split at camel case, digits' neighbours, underscores
// and dots, lower-cased.
func Words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

// LastElem returns the last element of a slash-separated path.
func LastElem(path string) string { return path[strings.LastIndex(path, "/")+1:] }

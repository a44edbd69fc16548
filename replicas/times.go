package replicas

import (
	"math"
	"regexp"
	"time"
)

// Answers that carry the current time differ from run to run. The control
// pass learns that only when its clock has moved on since the reference's
// (two fast passes often run within one second), so times are left out of
// every comparison, wherever they are: a JSON string that is a date and
// time, a JSON number that is within a day of now in seconds,
// milliseconds, microseconds or nanoseconds since 1970, and a date-time or
// a clock time in a text body.
const timeMark = "(time)"

// textTime matches ISO 8601 and RFC 1123 date-times, and clock times.
var textTime = regexp.MustCompile(`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?` +
	`|(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})` +
	`|\b\d{1,2}:\d{2}:\d{2}(\.\d+)?\b`)

// fullTime matches a string that is nothing but a date-time.
var fullTime = regexp.MustCompile(`^(` + textTime.String() + `)$`)

// withoutTimes replaces the times in a decoded JSON value by timeMark.
func withoutTimes(v any, now time.Time) any {
	switch v := v.(type) {
	case string:
		if fullTime.MatchString(v) {
			return timeMark
		}
	case float64:
		if isNow(v, now) {
			return timeMark
		}
	case []any:
		for i, e := range v {
			v[i] = withoutTimes(e, now)
		}
	case map[string]any:
		for k, e := range v {
			v[k] = withoutTimes(e, now)
		}
	}
	return v
}

// isNow reports whether x is a Unix time within a day of now, in one of
// the usual units.
func isNow(x float64, now time.Time) bool {
	secs := float64(now.Unix())
	for _, unit := range []float64{1, 1e3, 1e6, 1e9} {
		if math.Abs(x/unit-secs) < 86400 {
			return true
		}
	}
	return false
}

// textWithoutTimes replaces the times in a text body by timeMark.
func textWithoutTimes(text string) string { return textTime.ReplaceAllString(text, timeMark) }

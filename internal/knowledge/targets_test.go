package knowledge

import "testing"

// TestKindTargets checks that every kind of state says where it should
// live, with targets that exist.
func TestKindTargets(t *testing.T) {
	for _, k := range Kinds {
		if k.Name == Directive {
			continue
		}
		ts := TargetsFor(k.Name)
		if len(ts) == 0 {
			t.Errorf("kind %s has no targets", k.Name)
		}
		for _, name := range ts {
			if _, ok := TargetByName(name); !ok {
				t.Errorf("kind %s: unknown target %q", k.Name, name)
			}
		}
	}
	redis, _ := TargetByName(Redis)
	for mod, want := range map[string]bool{
		"github.com/redis/go-redis/v9": true, "github.com/go-redis/redis/v8": true, "github.com/go-redis/redis": true,
		"github.com/go-redis/redismock/v9": false, "github.com/gomodule/redigo": true,
	} {
		if redis.Provides(mod) != want {
			t.Errorf("Redis provides %s: %v, want %v", mod, !want, want)
		}
	}
}

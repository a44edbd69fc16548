// Package replicas verifies statelessness by running it: the same user
// journey is sent to one instance of a service and to several replicas of
// it behind a round-robin reverse proxy, with and without restarts, and
// every response is compared with the single-instance reference.
//
// Static findings say where state hides; this says whether it matters. A
// service that keeps sessions, carts or counters in process memory answers
// differently as soon as a request lands on a replica that never saw the
// previous one, or on one that was restarted in between.
//
// A run is four passes over the journey, each on fresh instances:
//
//   - reference: one instance;
//   - control: one instance again, to learn what legitimately differs from
//     run to run (random IDs, timestamps, data that accumulates in the
//     shared backing services), which is then not compared;
//   - replicas: N instances, each step on the next one in turn;
//   - restart: the same, with the instance that served a step gracefully
//     restarted before the next step is sent.
//
// Use [Run] from a test, or the statelint-replicas command. Backing
// services (databases, Redis) are the caller's: the environment is passed
// through, so the instances share them as replicas do in production.
package replicas

// Package derivedqueue hands work to this process's workers. Feeds due
// for a refresh are rows of the database: sent to the workers, they are
// work the database can give again, on any replica, and the channel keeps
// nothing of its own. What a request brings (an uploaded document to
// convert) exists nowhere else once queued, and is lost with the replica.
package derivedqueue

import (
	"database/sql"
	"io"
	"net/http"

	"memstore/derivedqueue/pool"
)

var (
	db      *sql.DB
	workers = pool.New(4)
	due     = make(chan pool.Job, 100)
	convert = make(chan []byte, 100)
)

func dueJobs(userID int64) ([]pool.Job, error) {
	rows, err := db.Query("SELECT feed_id FROM feeds WHERE user_id = $1 AND next_check < now()", userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var jobs []pool.Job
	for rows.Next() {
		j := pool.Job{UserID: userID}
		if err := rows.Scan(&j.FeedID); err != nil {
			return nil, err
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

func refresh(w http.ResponseWriter, r *http.Request) {
	jobs, err := dueJobs(1)
	if err != nil {
		return
	}
	go workers.Push(jobs)
	w.WriteHeader(http.StatusNoContent)
}

func refreshOne(w http.ResponseWriter, r *http.Request) {
	var feedID int64
	if err := db.QueryRow("SELECT feed_id FROM feeds WHERE id = $1", r.FormValue("id")).Scan(&feedID); err != nil {
		return
	}
	due <- pool.Job{FeedID: feedID}
	w.WriteHeader(http.StatusNoContent)
}

func upload(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	convert <- b // want `in-process queue convert is written by handler for "POST /convert"`
}

func retry(w http.ResponseWriter, r *http.Request) {
	workers.Push([]pool.Job{{UserID: 1, FeedID: int64(len(r.FormValue("feed")))}}) // want `in-process queue workers.queue is written by handler for "POST /retry"`
}

func init() {
	http.HandleFunc("POST /refresh", refresh)
	http.HandleFunc("POST /refresh/one", refreshOne)
	http.HandleFunc("POST /convert", upload)
	http.HandleFunc("POST /retry", retry)
}

// Package app chooses its session store through package store's wrappers.
package app

import (
	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"

	"facts/sessionwrap/store"
)

func routes(r *gin.Engine, secret []byte) {
	r.Use(sessions.Sessions("sid", store.Memory(secret))) // want `in-memory session store store.Memory`
	w := store.NewWrapped(secret)                         // want `in-memory session store store.NewWrapped`
	r.Use(sessions.Sessions("sid2", w.Store))
	r.Use(sessions.Sessions("sid3", store.Signed(secret)))
}

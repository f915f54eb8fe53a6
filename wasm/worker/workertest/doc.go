// Package workertest holds the Worker's integration test: it builds the
// Worker (make worker), serves it with `wrangler dev --local` and checks the
// API routes and errors over HTTP, as internal/api's tests do in process,
// and runs Google's own Node client against it (test/googleclient).
package workertest

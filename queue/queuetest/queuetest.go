// Package queuetest gives tests a NATS server with JetStream.
//
// The server is the one $SITREP_TEST_NATS names (nats://HOST:PORT; .ci/run
// starts one and sets it), else a nats-server (from $PATH or /usr/sbin,
// Debian's package nats-server) started for the test on a free port of
// 127.0.0.1, with its store in a temporary directory. Without either, tests
// skip with a message, except under CI=true, where they fail. Tests sharing
// a server keep apart by naming their streams with Name.
package queuetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Env is the variable naming a server for the tests.
const Env = "SITREP_TEST_NATS"

// Server returns the URL of a NATS server with JetStream, or skips the
// test (fails it under CI=true) when there is none.
func Server(t testing.TB) string {
	t.Helper()
	if u := os.Getenv(Env); u != "" {
		return u
	}
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		bin = "/usr/sbin/nats-server"
		if _, err := os.Stat(bin); err != nil {
			unavailable(t, fmt.Errorf("nats-server not found on $PATH or in /usr/sbin"))
		}
	}
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(bin, "-a", "127.0.0.1", "-p", fmt.Sprint(port), "-js", "-sd", dir)
	logf, err := os.Create(filepath.Join(dir, "log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		unavailable(t, err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		logf.Close()
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	for {
		c, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
		if err == nil {
			c.Close()
			return "nats://" + addr
		}
		if ctx.Err() != nil {
			log, _ := os.ReadFile(filepath.Join(dir, "log"))
			t.Fatalf("nats-server did not start: %v\n%s", err, log)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func unavailable(t testing.TB, err error) {
	t.Helper()
	msg := fmt.Sprintf("no NATS server: set %s to a server URL, or install nats-server (apt-get install nats-server): %v", Env, err)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// Name returns a stream name of the test's own.
func Name(t testing.TB) string {
	var b [4]byte
	rand.Read(b[:])
	return "T" + strings.ToUpper(hex.EncodeToString(b[:]))
}

// Package npmpack fetches pinned npm registry packages for the build tools:
// `npm pack` into a directory, a check of the tarball against the
// registry's integrity hash, and the files read from the tarball in memory.
package npmpack

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Package is one pinned npm package.
type Package struct {
	Name, Version string
	// Integrity is the registry's sha512 of the tarball (npm's
	// dist.integrity, `npm view NAME@VERSION dist.integrity`).
	Integrity string
}

func (p Package) String() string { return p.Name + "@" + p.Version }

// Fetch packs p into dir, unless a tarball with the right hash is there
// already, and returns the package's regular files by their path inside it
// ("dist/leaflet.js").
func Fetch(p Package, dir string) (map[string][]byte, error) {
	tgz := filepath.Join(dir, strings.TrimPrefix(strings.ReplaceAll(p.Name, "/", "-"), "@")+"-"+p.Version+".tgz")
	data, err := os.ReadFile(tgz)
	if err != nil || CheckIntegrity(data, p.Integrity) != nil {
		cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", dir, p.String())
		cmd.Stderr = os.Stderr
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack %s: %w", p, err)
		}
		if data, err = os.ReadFile(tgz); err != nil {
			return nil, fmt.Errorf("npm pack %s: %w", p, err)
		}
	}
	if err := CheckIntegrity(data, p.Integrity); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	files, err := Untar(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return files, nil
}

// CheckIntegrity returns an error unless data's sha512 is want, written as
// npm writes it ("sha512-" and the base64 digest).
func CheckIntegrity(data []byte, want string) error {
	sum := sha512.Sum512(data)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != want {
		return fmt.Errorf("integrity mismatch: got %s, want %s", got, want)
	}
	return nil
}

// Untar returns the regular files of a gzipped npm tarball, keyed by their
// path below the top directory ("package/").
func Untar(data []byte) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		_, name, _ := strings.Cut(h.Name, "/")
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
}

// CacheDir returns the directory tarballs are kept in: cache when given
// (created if need be), else a new temporary directory that done removes.
func CacheDir(cache, prefix string) (dir string, done func(), err error) {
	if cache != "" {
		return cache, func() {}, os.MkdirAll(cache, 0o755)
	}
	tmp, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", nil, err
	}
	return tmp, func() { os.RemoveAll(tmp) }, nil
}

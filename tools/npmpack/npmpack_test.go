package npmpack

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"testing"
)

// tarball makes a gzipped tarball with the files below "package/", as npm
// packs them.
func tarball(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: "package/" + name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	tw.Close()
	zw.Close()
	return buf.Bytes()
}

func TestUntarAndIntegrity(t *testing.T) {
	data := tarball(t, map[string]string{"dist/a.js": "a()", "LICENSE": "ISC"})
	files, err := Untar(data)
	if err != nil {
		t.Fatal(err)
	}
	if string(files["dist/a.js"]) != "a()" || string(files["LICENSE"]) != "ISC" || len(files) != 2 {
		t.Errorf("files %v", files)
	}
	sum := sha512.Sum512(data)
	good := "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
	if err := CheckIntegrity(data, good); err != nil {
		t.Error(err)
	}
	if err := CheckIntegrity(append(data, 0), good); err == nil {
		t.Error("a changed tarball passes the integrity check")
	}
	if _, err := Untar([]byte("not gzip")); err == nil {
		t.Error("Untar reads what is not a tarball")
	}
}

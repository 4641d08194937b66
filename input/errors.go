package input

import (
	"errors"
	"io/fs"

	"github.com/sitrep-project/sitrep"
)

// inputError is an invalid-input application error that also unwraps to
// the error that caused it, so callers can test for fs.ErrNotExist and the
// like.
type inputError struct {
	app   *sitrep.Error
	cause error
}

func (e *inputError) Error() string { return e.app.Message }

func (e *inputError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.app}
	}
	return []error{e.app, e.cause}
}

// invalid returns a sitrep.EInvalid error with the given message, wrapping
// cause when it is not nil.
func invalid(cause error, format string, args ...any) error {
	return &inputError{app: sitrep.Errorf(sitrep.EInvalid, format, args...), cause: cause}
}

// cannotRead reports that the file or directory p cannot be opened or read,
// without repeating the path that err already carries.
func cannotRead(p string, err error) error {
	reason := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err
	}
	return invalid(err, "%s: cannot read: %v", p, reason)
}

// tooLarge reports an input over the size limit; size is -1 when only a
// lower bound (limit+1) is known.
func tooLarge(name, what string, size, limit int64) error {
	if size < 0 {
		return invalid(nil, "%s: %s too large: over %d bytes, limit %d", name, what, limit, limit)
	}
	return invalid(nil, "%s: %s too large: %d bytes, limit %d", name, what, size, limit)
}

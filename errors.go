package sitrep

import (
	"errors"
	"fmt"
)

// Error codes of application errors.
const (
	EInvalid  = "invalid" // the input cannot be read as an article
	ENotFound = "not_found"
	EInternal = "internal"
)

// Error is an application error: a code a caller can branch on and a message
// fit for a user.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an application error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an application error in err's chain, or
// EInternal.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EInternal
}

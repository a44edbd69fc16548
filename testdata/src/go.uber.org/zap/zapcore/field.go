// Package zapcore is a stub of go.uber.org/zap@v1.28.0 for statelint's tests: only the signatures the tests use.
package zapcore

type FieldType uint8

type Field struct {
	Key       string
	Type      FieldType
	Integer   int64
	String    string
	Interface interface{}
}

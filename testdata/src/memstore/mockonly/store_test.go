package mockonly

import (
	"net/http/httptest"
	"testing"

	"memstore/mockonly/mocks"
)

func TestSave(t *testing.T) {
	m := NewManager(mocks.New())
	m.Save(httptest.NewRecorder(), httptest.NewRequest("POST", "/?key=a&val=b", nil))
}

//statelint:file-ignore globalstate these counters are sampled per replica by design
//statelint:file-ignore memstore,fswrite nothing here is a store or a file // want `statelint:file-ignore directive silences nothing`
//statelint:file-ignore memstor a misspelt check // want `statelint:file-ignore directive names no check "memstor": write //statelint:file-ignore CHECK REASON with CHECK one of globalstate, memstore, fswrite, requestorder`
//statelint:file-ignore // want `statelint:file-ignore directive needs a check and a reason`

package directives

import "net/http"

var samples int

func handleFile(w http.ResponseWriter, r *http.Request) {
	samples++
}

package corpus

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"2019-10-22", "2019-10-22"},
		{"2019-10-22T08:00:00Z", "2019-10-22"},
		{"2021-03-04T09:30:00+00:00", "2021-03-04"},
		{"26 May 2015", "2015-05-26"},
		{"3 Sept. 2020", "2020-09-03"},
		{"15 January, 2020", "2020-01-15"},
		{"October 22, 2019", "2019-10-22"},
		{"Oct. 1st, 2018", "2018-10-01"},
		{"stated on October 22, 2019 in a campaign mailer.:", "2019-10-22"},
		{"Published: Dec 30 2019", "2019-12-30"},
		{"2019-02-30", "2019-02-30"}, // not a calendar date: kept as published
		{"31 April 2020", "31 April 2020"},
		{"sometime last year", "sometime last year"},
		{"  2020  ", "2020"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, NormalizeDate(tt.in), "%q", tt.in)
	}
}

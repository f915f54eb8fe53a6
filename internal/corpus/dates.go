package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	isoDate  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})`)
	dayMonth = regexp.MustCompile(`(?i)\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b`)
	monthDay = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
)

var monthNumber = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// NormalizeDate finds a calendar date in the forms corpora use ("2019-10-22",
// "2019-10-22T08:00:00Z", "26 May 2015", "stated on October 22, 2019 in a
// mailer") and returns it as YYYY-MM-DD; text without a valid date is
// returned trimmed, as published.
func NormalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		if d, ok := ymd(m[1], monthFromDigits(m[2]), m[3]); ok {
			return d
		}
	}
	if m := dayMonth.FindStringSubmatch(s); m != nil {
		if d, ok := ymd(m[3], monthNumber[strings.ToLower(m[2][:3])], m[1]); ok {
			return d
		}
	}
	if m := monthDay.FindStringSubmatch(s); m != nil {
		if d, ok := ymd(m[3], monthNumber[strings.ToLower(m[1][:3])], m[2]); ok {
			return d
		}
	}
	return s
}

func monthFromDigits(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func ymd(year string, month int, day string) (string, bool) {
	y, err1 := strconv.Atoi(year)
	d, err2 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || month < 1 || month > 12 {
		return "", false
	}
	t := time.Date(y, time.Month(month), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false // 31 April and the like
	}
	return t.Format("2006-01-02"), true
}

// contentID names a review that has no URL by a hash of its content, so the
// id is stable across rebuilds.
func contentID(text, publisher string) string {
	h := sha256.Sum256([]byte(publisher + "\x00" + text))
	return "claim-" + hex.EncodeToString(h[:8])
}

func itoa(n int) string { return strconv.Itoa(n) }

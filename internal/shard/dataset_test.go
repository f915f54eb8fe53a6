package shard_test

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/benchdata"
	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
	"github.com/factcheckwidget/factcheck/internal/match"
	"github.com/factcheckwidget/factcheck/internal/shard"
	"github.com/factcheckwidget/factcheck/internal/shardio"
)

// exploreOptions are shard.DefaultOptions changed by the environment, for
// the measurement tests: FACTCHECK_KEEP (postings kept: claim,title,4-gram),
// FACTCHECK_LENGTH_BITS (the same fields), FACTCHECK_SHARD_OPTS (stems
// and 4-grams a bucket, claims a record and a card chunk),
// FACTCHECK_DICTIONARY (the records dictionary's bytes),
// FACTCHECK_GRAM_SHARE (GramPostingsShare) and FACTCHECK_HOME_SHARE
// (GramHomeShare).
func exploreOptions() shard.Options {
	opt := shard.DefaultOptions()
	for env, dst := range map[string][]*int{
		"FACTCHECK_KEEP":        {&opt.Keep[0], &opt.Keep[1], &opt.Keep[2]},
		"FACTCHECK_LENGTH_BITS": {&opt.LengthBits[0], &opt.LengthBits[1], &opt.LengthBits[2]},
		"FACTCHECK_SHARD_OPTS":  {&opt.StemsPerBucket, &opt.GramsPerBucket, &opt.Chunk, &opt.CardChunk},
		"FACTCHECK_DICTIONARY":  {&opt.Dictionary},
	} {
		if v := os.Getenv(env); v != "" {
			for i, p := range strings.Split(v, ",") {
				if i < len(dst) {
					*dst[i], _ = strconv.Atoi(p)
				}
			}
		}
	}
	if v, err := strconv.ParseFloat(os.Getenv("FACTCHECK_GRAM_SHARE"), 64); err == nil {
		opt.GramPostingsShare = v
	}
	if v, err := strconv.ParseFloat(os.Getenv("FACTCHECK_HOME_SHARE"), 64); err == nil {
		opt.GramHomeShare = v
	}
	if os.Getenv("FACTCHECK_REORDER") == "0" {
		opt.Reorder = false
	}
	return opt
}

// explorePool sets r's candidates a sentence to FACTCHECK_POOL, and its
// widening (shard.Widening) to FACTCHECK_WIDENING (scout,page,density),
// when set.
func explorePool(r *shardio.Reader) {
	if n, err := strconv.Atoi(os.Getenv("FACTCHECK_POOL")); err == nil {
		r.SetPool(n)
	}
	if v := strings.Split(os.Getenv("FACTCHECK_WIDENING"), ","); len(v) == 3 {
		w := shard.DefaultWidening
		w.Scout, _ = strconv.Atoi(v[0])
		w.Page, _ = strconv.ParseFloat(v[1], 64)
		w.Density, _ = strconv.ParseFloat(v[2], 64)
		r.SetWidening(w)
	}
}

// TestDevMAPSharded prints the dev MAP@5 of each CheckThat! set ranked on
// its whole index and on the same corpus sharded, for the candidates per
// sentence in FACTCHECK_POOLS (default 20) and the layout of
// exploreOptions; with FACTCHECK_SCALE=1, on the 300,000-claim scale
// corpus too (=only: that alone); FACTCHECK_SPLIT=train ranks the train
// queries instead. A
// measurement: FACTCHECK_EXPLORE=1 runs it (docs/scale.md).
func TestDevMAPSharded(t *testing.T) {
	if os.Getenv("FACTCHECK_EXPLORE") == "" {
		t.Skip("set FACTCHECK_EXPLORE=1 to measure MAP@5 on sharded corpora")
	}
	opt := exploreOptions()
	pools := []int{shard.DefaultPool}
	if v := os.Getenv("FACTCHECK_POOLS"); v != "" {
		pools = nil
		for _, p := range strings.Split(v, ",") {
			n, _ := strconv.Atoi(p)
			pools = append(pools, n)
		}
	}
	scale := os.Getenv("FACTCHECK_SCALE")
	if scale != "only" {
		for _, s := range benchdata.LoadAll(t) {
			devMAP(t, s.Name, s.Index, s, opt, pools)
		}
	}
	if scale == "1" || scale == "only" {
		devMAP(t, "scale", scaleIndex(t), benchdata.Load(t, benchdata.Debates), opt, pools)
	}
}

// scaleIndex is the 300,000-claim scale corpus (make bench), compiled.
func scaleIndex(t *testing.T) *index.Index {
	cs, err := benchdata.ScaleCorpus(benchdata.Dir(), benchdata.ScaleClaims)
	if err != nil {
		t.Fatal(err)
	}
	x, err := compile.Index(cs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func devMAP(t *testing.T, name string, x *index.Index, s *benchdata.Set, opt shard.Options, pools []int) {
	dir := t.TempDir()
	if _, err := shardio.Write(dir, x, opt); err != nil {
		t.Fatal(err)
	}
	m := match.New(x)
	for _, withContext := range []bool{false, true} {
		if withContext && s.Name != benchdata.Debates {
			continue
		}
		ctx := func(q evaluate.Query) string {
			if withContext {
				return q.Context
			}
			return ""
		}
		split := cmp.Or(os.Getenv("FACTCHECK_SPLIT"), "dev")
		run := evaluate.Run{}
		for _, q := range s.Queries[split] {
			for _, c := range m.RankQuery(m.PrepareContext(q.Text, ctx(q)), 5) {
				run[q.ID] = append(run[q.ID], x.Claim(c.Doc).ID)
			}
		}
		line := fmt.Sprintf("%s %s context=%v: whole %.3f", name, split, withContext, evaluate.Score(s.Qrels[split], run).MAP5)
		for _, pool := range pools {
			r, err := shardio.Open(context.Background(), shardio.Dir(dir))
			if err != nil {
				t.Fatal(err)
			}
			r.SetPool(pool)
			run := evaluate.Run{}
			for _, q := range s.Queries[split] {
				cands, px, err := r.Rank(context.Background(), q.Text, ctx(q), 5)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range cands {
					run[q.ID] = append(run[q.ID], px.Claim(c.Doc).ID)
				}
			}
			line += fmt.Sprintf("; sharded, %d candidates a sentence: %.3f", pool, evaluate.Score(s.Qrels[split], run).MAP5)
		}
		t.Log(line)
	}
}

// TestDevPagesSharded checks the 19 whole 2022-2b dev transcripts as pages
// (FACTCHECK_SPLIT=train: the train ones) on the sharded PolitiFact
// corpus, each with a fresh reader, against the whole index: what a reader
// sees (make eval's page figures) may change with the layout
// (exploreOptions; explorePool) on the sentences at the edge of being
// highlighted, never by a right fact-check lost. It prints the sentences
// shown otherwise (another claim, or the same with other flags) and the
// records a page fetched. With FACTCHECK_SCALE=1 it reads the
// 300,000-claim scale corpus, whose filler claims no qrel names (a page
// lit by one counts as wrong). A measurement: FACTCHECK_EXPLORE=1 runs it.
func TestDevPagesSharded(t *testing.T) {
	if os.Getenv("FACTCHECK_EXPLORE") == "" {
		t.Skip("set FACTCHECK_EXPLORE=1 to compare whole dev pages on a sharded corpus")
	}
	s := benchdata.Load(t, benchdata.Debates)
	split := cmp.Or(os.Getenv("FACTCHECK_SPLIT"), "dev")
	x := s.Index
	if os.Getenv("FACTCHECK_SCALE") == "1" {
		x = scaleIndex(t)
	}
	dir := t.TempDir()
	if _, err := shardio.Write(dir, x, exploreOptions()); err != nil {
		t.Fatal(err)
	}
	whole := engine.New(x)
	sentences, differ, flagged, records := 0, 0, 0, 0
	var highlighted, right [2]int // whole, sharded
	best := func(ss []engine.Sentence, i int) string {
		if i < len(ss) && len(ss[i].Matches) > 0 {
			return ss[i].Matches[0].Claim.ID
		}
		return ""
	}
	for _, p := range s.Pages[split] {
		src := &countingDir{Dir: shardio.Dir(dir), bytes: map[byte]int{}, files: map[byte]int{}}
		r, err := shardio.Open(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		explorePool(r)
		got, err := r.CheckArticle(context.Background(), p.Article, engine.Options{})
		if err != nil {
			t.Fatal(err)
		}
		records += src.files['c']
		want := whole.CheckArticle(p.Article, engine.Options{})
		sentences += len(want)
		for i := range want {
			rel := s.Qrels[split][p.Transcript.QueryID(p.Lines[i])]
			for k, ss := range [][]engine.Sentence{want, got} {
				if id := best(ss, i); id != "" {
					highlighted[k]++
					if rel[id] {
						right[k]++
					}
				}
			}
			if best(want, i) != best(got, i) {
				differ++
				t.Logf("differs: %q: whole %q, sharded %q", want[i].Text, best(want, i), best(got, i))
			} else if best(want, i) != "" && !reflect.DeepEqual(want[i].Matches[0].Flags, got[i].Matches[0].Flags) {
				flagged++
				t.Logf("flagged otherwise: %q: whole %v, sharded %v", want[i].Text, want[i].Matches[0].Flags, got[i].Matches[0].Flags)
			}
		}
	}
	t.Logf("%d %s sentences: whole index %d highlighted (%d right), sharded %d (%d right); %d shown differently, %d with the same claim flagged otherwise; %.0f records a page",
		sentences, split, highlighted[0], right[0], highlighted[1], right[1], differ, flagged, float64(records)/float64(len(s.Pages[split])))
	if right[1] < right[0] {
		t.Errorf("the sharded corpus shows %d right fact-checks where the whole index shows %d", right[1], right[0])
	}
}

package panel_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/civickit/civickit/civic/panel"
)

// A panel of four from ten volunteers, two women and two men, one from
// each age band at least, at most one per household. The greedy method
// runs without a solver; LEXIMIN, the default, needs COIN-OR CBC.
func ExampleSelect() {
	pool, err := panel.ReadPool(strings.NewReader(`id,household,age,gender
V01,H1,16-44,woman
V02,H1,45+,man
V03,,16-44,man
V04,,16-44,woman
V05,,45+,woman
V06,,45+,man
V07,,16-44,man
V08,,45+,woman
V09,,16-44,woman
V10,,45+,man
`), panel.PoolOptions{File: "pool.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	quotas, err := panel.ReadQuotas(strings.NewReader(`size: 4
reserves: 1
features:
  age:
    16-44: {min: 1, max: 3}
    45+: {min: 1, max: 3}
  gender:
    woman: {min: 2, max: 2}
    man: {min: 2, max: 2}
`), panel.QuotaOptions{File: "quotas.yaml"})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := panel.Select(context.Background(), pool, quotas, panel.Options{Seed: 2024, Method: panel.Greedy, GreedyRuns: 2000})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(res.Panel), "members,", len(res.Reserves), "reserve")
	for _, q := range res.Quotas {
		fmt.Printf("%s %s: %d (quota %d to %d)\n", q.Feature, q.Value, q.Panel, q.Min, q.Max)
	}
	// Output:
	// 4 members, 1 reserve
	// age 16-44: 2 (quota 1 to 3)
	// age 45+: 2 (quota 1 to 3)
	// gender man: 2 (quota 2 to 2)
	// gender woman: 2 (quota 2 to 2)
}

#!/bin/sh
# Side-by-side speed check: persona.KMeans against scikit-learn's KMeans
# (n_init=10, Lloyd) on 200,000 x 40 standardised blobs with k = 8, both on
# one core (OMP_NUM_THREADS=1 for scikit-learn and its BLAS, GOMAXPROCS=1 for
# Go), fit time only, same data file, runs interleaved. CPU time is the
# figure to compare on a shared machine; wall time is printed too. Needs Debian's python3-sklearn.
# Run from the repository root: sh persona/testdata/bench/bench.sh
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
here=$(dirname "$0")
go build -o "$dir/gobench" "./$here/gobench"
runs=${RUNS:-3}
for std in 4 12; do
	echo "== make_blobs cluster_std=$std, $runs runs"
	/usr/bin/python3 "$here/gen.py" "$dir" "$std"
	for i in $(seq "$runs"); do
		OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 /usr/bin/python3 "$here/sklearn_fit.py" "$dir/bench.f64"
		GOMAXPROCS=1 "$dir/gobench" "$dir/bench.f64"
	done | tee "$dir/out"
	awk '/^scikit-learn/ {s += $4; sw += $7; ns++} /^persona/ {g += $4; gw += $7; ng++}
	END {printf "mean fit CPU time: scikit-learn %.3f s, persona %.3f s, ratio scikit-learn/persona %.2f (wall: %.3f s vs %.3f s, ratio %.2f)\n", s/ns, g/ng, (s/ns)/(g/ng), sw/ns, gw/ng, (sw/ns)/(gw/ng)}' "$dir/out"
done

package main

import (
	"fmt"
	"math"
)

// printTable prints the results as a markdown table.
func printTable(rows []result) {
	fmt.Println()
	fmt.Println("| prec | n | median ms | GFLOP/s | of sustained | of clock peak | of datasheet | of FP64 TC datasheet | max sampled err (k·ε) | ‖Δ‖/‖C‖ vs CPU |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range rows {
		fmt.Printf("| %s | %d | %.2f | %.0f | %s | %s | %s | %s | %.2g | %s |\n", r.prec, r.n, r.medianMs, r.gflops,
			ratio(r.gflops, r.sustained), ratio(r.gflops, r.clockPeak), ratio(r.gflops, r.datasheet), ratio(r.gflops, r.datasheetTC), r.sampleErr, orDash(r.cpuRelF))
	}
}

func ratio(x, peak float64) string {
	if peak <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*x/peak)
}

func orDash(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.2g", x)
}

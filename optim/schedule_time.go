package optim

// scheduleTime is a schedule's t for a step: the step itself, or with
// stepsPerEpoch ≥ 1 the epoch it falls in, ⌊step/stepsPerEpoch⌋.
func scheduleTime(step, stepsPerEpoch int) int {
	if stepsPerEpoch > 0 {
		return step / stepsPerEpoch
	}
	return step
}

// checkStepsPerEpoch checks a schedule's StepsPerEpoch ≥ 0.
func checkStepsPerEpoch(schedule string, n int) error {
	if n < 0 {
		return rangeError(schedule, "StepsPerEpoch", "≥ 0", float64(n))
	}
	return nil
}

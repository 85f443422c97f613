package kafkaio

import (
	"errors"
	"sort"
	"sync"
)

// health holds what keeps the consumer from progressing, by step.
type health struct {
	mu     sync.Mutex
	stalls map[string]error
}

func (h *health) set(key string, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stalls == nil {
		h.stalls = map[string]error{}
	}
	h.stalls[key] = err
}

func (h *health) clear(key string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.stalls, key)
}

// err joins the current stalls, in a stable order; nil when there are none.
func (h *health) err() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	keys := make([]string, 0, len(h.stalls))
	for k := range h.stalls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	errs := make([]error, len(keys))
	for i, k := range keys {
		errs[i] = h.stalls[k]
	}
	return errors.Join(errs...)
}

package kafkaio

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"
)

// watchLag refreshes consumer_lag_messages for the partitions the group
// assigned to one member, every LagInterval until ctx ends: high
// watermark minus the group's committed offset, read from the broker, so
// the gauge keeps moving while fetching is paused (Elasticsearch down)
// and the series of a partition lost in a rebalance is deleted. A failed
// refresh (broker unreachable) is logged at Warn and makes the consumer
// not ready until one succeeds.
func (c *Consumer) watchLag(ctx context.Context, clientID, member string) {
	client := &kafka.Client{Addr: kafka.TCP(c.cfg.Brokers...), Timeout: 10 * time.Second}
	held := map[int]bool{}
	key := "kafka " + member
	t := time.NewTicker(c.cfg.LagInterval)
	defer t.Stop()
	defer func() {
		for p := range held {
			c.m.ConsumerLag.DeleteLabelValues(c.cfg.Topic, strconv.Itoa(p))
		}
	}()
	for {
		if err := c.refreshLag(ctx, client, clientID, held); err != nil && ctx.Err() == nil {
			c.health.set(key, fmt.Errorf("kafka: %w", err))
			c.log.Warn("consumer lag not refreshed", "member", member, "err", err)
		} else {
			c.health.clear(key)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (c *Consumer) refreshLag(ctx context.Context, client *kafka.Client, clientID string, held map[int]bool) error {
	groups, err := client.DescribeGroups(ctx, &kafka.DescribeGroupsRequest{GroupIDs: []string{c.cfg.GroupID}})
	if err != nil {
		return fmt.Errorf("describe group %s: %w", c.cfg.GroupID, err)
	}
	var assigned []int
	for _, g := range groups.Groups {
		if g.Error != nil {
			return fmt.Errorf("describe group %s: %w", c.cfg.GroupID, g.Error)
		}
		for _, m := range g.Members {
			if m.ClientID != clientID {
				continue
			}
			for _, t := range m.MemberAssignments.Topics {
				if t.Topic == c.cfg.Topic {
					assigned = append(assigned, t.Partitions...)
				}
			}
		}
	}
	now := map[int]bool{}
	for _, p := range assigned {
		now[p] = true
	}
	for p := range held {
		if !now[p] { // lost in a rebalance: its lag is another member's to report
			c.m.ConsumerLag.DeleteLabelValues(c.cfg.Topic, strconv.Itoa(p))
			delete(held, p)
		}
	}
	if len(assigned) == 0 {
		return nil
	}
	committed, err := client.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: c.cfg.GroupID, Topics: map[string][]int{c.cfg.Topic: assigned}})
	if err == nil {
		err = committed.Error
	}
	if err != nil {
		return fmt.Errorf("fetch committed offsets of %s: %w", c.cfg.GroupID, err)
	}
	next := map[int]int64{}
	for _, p := range committed.Topics[c.cfg.Topic] {
		if p.Error == nil && p.CommittedOffset >= 0 {
			next[p.Partition] = p.CommittedOffset
		}
	}
	// One request per kind of offset: a broker may refuse a partition
	// named twice in one request.
	last, err := c.offsets(ctx, client, assigned, kafka.LastOffsetOf)
	if err != nil {
		return err
	}
	var uncommitted []int
	for _, p := range assigned {
		if _, ok := next[p]; !ok {
			uncommitted = append(uncommitted, p)
		}
	}
	if len(uncommitted) > 0 { // nothing committed yet: the group starts at the first offset
		first, err := c.offsets(ctx, client, uncommitted, kafka.FirstOffsetOf)
		if err != nil {
			return err
		}
		for p, o := range first {
			next[p] = o
		}
	}
	var errs []error
	for _, p := range assigned {
		hw, ok := last[p]
		from, known := next[p]
		if !ok || !known {
			errs = append(errs, fmt.Errorf("partition %d: no offsets", p))
			continue
		}
		c.m.ConsumerLag.WithLabelValues(c.cfg.Topic, strconv.Itoa(p)).Set(float64(max(hw-from, 0)))
		held[p] = true
	}
	return errors.Join(errs...)
}

// offsets asks the broker for one offset of each partition.
func (c *Consumer) offsets(ctx context.Context, client *kafka.Client, parts []int, of func(int) kafka.OffsetRequest) (map[int]int64, error) {
	reqs := make([]kafka.OffsetRequest, len(parts))
	for i, p := range parts {
		reqs[i] = of(p)
	}
	res, err := client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{c.cfg.Topic: reqs}})
	if err != nil {
		return nil, fmt.Errorf("list offsets of %s: %w", c.cfg.Topic, err)
	}
	out := map[int]int64{}
	for _, po := range res.Topics[c.cfg.Topic] {
		if po.Error != nil {
			return nil, fmt.Errorf("list offsets of %s/%d: %w", c.cfg.Topic, po.Partition, po.Error)
		}
		out[po.Partition] = max(po.FirstOffset, po.LastOffset) // the one asked for; the other is -1
	}
	return out, nil
}

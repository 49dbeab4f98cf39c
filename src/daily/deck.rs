//! The order a schedule posts the pack's items in: its own shuffled order, no repeats until
//! every item was posted, then a new order. Queued items (a teacher's pick, an approved
//! suggestion) go first, by priority (next, high, normal), and items queued low after the rest
//! of the cycle. The deck is plain data, so it can be stored and resumed exactly.

pub use super::model::{Deck, Priority};
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

/// Below this many items left in a cycle, `/daily show` warns, and the post that leaves fewer
/// tells the staff channel.
pub const LOW_WATER: usize = 7;

impl Deck {
    pub fn new(seed: u64) -> Deck {
        Deck {
            seed,
            cycle: 0,
            posted: Vec::new(),
            queue: Vec::new(),
            urgent: 0,
            later: Vec::new(),
        }
    }

    fn order(&self, items: &[String]) -> Vec<String> {
        let mut order = items.to_vec();
        order.sort();
        let mut rng =
            StdRng::seed_from_u64(self.seed ^ self.cycle.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        order.shuffle(&mut rng);
        order
    }

    /// The items still to come in this cycle, in posting order (the queue first, the items
    /// queued `low` last).
    pub fn upcoming(&self, items: &[String]) -> Vec<String> {
        let waiting = |q: &&String| items.contains(q) && !self.posted.contains(q);
        let mut out: Vec<String> = self.queue.iter().filter(waiting).cloned().collect();
        let later: Vec<String> = self.later.iter().filter(waiting).cloned().collect();
        for item in self.order(items) {
            if !self.posted.contains(&item) && !out.contains(&item) && !later.contains(&item) {
                out.push(item);
            }
        }
        for item in later {
            if !out.contains(&item) {
                out.push(item);
            }
        }
        out
    }

    /// How an item waits in the queue, if it was queued.
    pub fn priority(&self, item: &str) -> Option<Priority> {
        if self.later.iter().any(|l| l == item) {
            return Some(Priority::Low);
        }
        let at = self.queue.iter().position(|q| q == item)?;
        Some(if at < self.urgent {
            Priority::High
        } else {
            Priority::Normal
        })
    }

    /// Takes an item out of the queue (and the later items), wherever it waits.
    fn unqueue(&mut self, item: &str) {
        if let Some(at) = self.queue.iter().position(|q| q == item) {
            self.queue.remove(at);
            if at < self.urgent {
                self.urgent -= 1;
            }
        }
        self.later.retain(|l| l != item);
        self.urgent = self.urgent.min(self.queue.len());
    }

    /// Queues an item with a priority (staff's `/daily queue`; an approved suggestion goes
    /// `normal`, after the ones approved before it). Queued again, it moves.
    pub fn put(&mut self, item: &str, priority: Priority) {
        self.unqueue(item);
        let item = item.to_string();
        match priority {
            Priority::Next => {
                self.queue.insert(0, item);
                self.urgent += 1;
            }
            Priority::High => {
                self.queue.insert(self.urgent, item);
                self.urgent += 1;
            }
            Priority::Normal => self.queue.push(item),
            Priority::Low => self.later.push(item),
        }
    }

    /// How many items are left before the cycle restarts.
    pub fn remaining(&self, items: &[String]) -> usize {
        self.upcoming(items).len()
    }

    /// Takes the next item to post and records it; starts a new cycle when all were posted.
    pub fn draw(&mut self, items: &[String]) -> Option<String> {
        if items.is_empty() {
            return None;
        }
        if self.remaining(items) == 0 {
            self.cycle += 1;
            self.posted.clear();
        }
        let next = self.upcoming(items).into_iter().next()?;
        self.unqueue(&next);
        self.posted.push(next.clone());
        Some(next)
    }

    /// Gives back a drawn item that was not posted: it is no longer counted as posted and
    /// goes first at the next draw, so the deck's order loses nothing.
    pub fn undraw(&mut self, item: &str) {
        self.posted.retain(|p| p != item);
        self.put_next(item);
    }

    /// Puts an item first of all.
    pub fn put_next(&mut self, item: &str) {
        self.put(item, Priority::Next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn items(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("p{i:02}")).collect()
    }

    #[test]
    fn no_repeats_until_all_were_posted_then_a_new_order() {
        let all = items(42);
        let mut deck = Deck::new(7);
        let first: Vec<String> = (0..42).filter_map(|_| deck.draw(&all)).collect();
        assert_eq!(first.iter().collect::<HashSet<_>>().len(), 42);
        assert_eq!(deck.remaining(&all), 0);
        let second: Vec<String> = (0..42).filter_map(|_| deck.draw(&all)).collect();
        assert_eq!(second.iter().collect::<HashSet<_>>().len(), 42);
        assert_ne!(first, second, "each cycle has its own order");
        assert_eq!(deck.cycle, 1);
    }

    #[test]
    fn schedules_have_their_own_orders_and_resume_exactly() {
        let all = items(10);
        let mut a = Deck::new(1);
        let mut b = Deck::new(2);
        assert_ne!(a.upcoming(&all), b.upcoming(&all));
        a.draw(&all);
        a.draw(&all);
        let saved = a.clone();
        assert_eq!(saved.upcoming(&all), a.upcoming(&all));
        assert_eq!(a.remaining(&all), 8);
        b.draw(&all);
        assert_eq!(b.remaining(&all), 9);
    }

    #[test]
    fn an_undrawn_item_comes_back_and_the_order_goes_on_as_before() {
        let all = items(6);
        let mut plain = Deck::new(9);
        let mut failed = Deck::new(9);
        let expected: Vec<String> = (0..6).filter_map(|_| plain.draw(&all)).collect();
        let first = failed.draw(&all).expect("item");
        failed.undraw(&first);
        let got: Vec<String> = (0..6).filter_map(|_| failed.draw(&all)).collect();
        assert_eq!(got, expected, "nothing skipped, nothing repeated");
        // At a cycle's start too: the new cycle keeps its order.
        let mut wrap = plain.clone();
        let next = wrap.clone().draw(&all).expect("item");
        let taken = wrap.draw(&all).expect("item");
        assert_eq!(next, taken);
        wrap.undraw(&taken);
        assert_eq!(wrap.draw(&all), Some(taken));
    }

    #[test]
    fn a_queued_item_goes_next_and_is_not_repeated() {
        let all = items(5);
        let mut deck = Deck::new(3);
        let last = deck.upcoming(&all)[4].clone();
        deck.put_next(&last);
        assert_eq!(deck.draw(&all).as_deref(), Some(last.as_str()));
        let rest: Vec<String> = (0..4).filter_map(|_| deck.draw(&all)).collect();
        assert!(!rest.contains(&last));
        assert_eq!(deck.remaining(&all), 0);
    }
    /// Queued items post by priority: `next` first of all, `high` after the other urgent
    /// ones, `normal` in the order queued, then the cycle's own order, `low` after it; an item
    /// queued again moves; a deck stored before priorities keeps its queue in order.
    #[test]
    fn queued_items_post_by_priority() {
        let all = items(8);
        let mut deck = Deck::new(3);
        let own: Vec<String> = deck.upcoming(&all);
        deck.put("p05", Priority::Normal);
        deck.put("p06", Priority::Low);
        deck.put("p01", Priority::High);
        deck.put("p02", Priority::Normal);
        deck.put("p03", Priority::Next);
        deck.put("p04", Priority::High);
        let upcoming = deck.upcoming(&all);
        assert_eq!(upcoming[..5], ["p03", "p01", "p04", "p05", "p02"]);
        assert_eq!(upcoming.last().map(String::as_str), Some("p06"));
        let rest: Vec<&String> = own
            .iter()
            .filter(|i| !["p01", "p02", "p03", "p04", "p05", "p06"].contains(&i.as_str()))
            .collect();
        assert_eq!(upcoming[5..7].iter().collect::<Vec<_>>(), rest);
        assert_eq!(deck.priority("p04"), Some(Priority::High));
        assert_eq!(deck.priority("p02"), Some(Priority::Normal));
        assert_eq!(deck.priority("p06"), Some(Priority::Low));
        assert_eq!(deck.priority("p07"), None);
        // Queued again: it moves.
        deck.put("p06", Priority::Next);
        assert_eq!(deck.upcoming(&all)[0], "p06");
        let drawn: Vec<String> = (0..8).filter_map(|_| deck.draw(&all)).collect();
        assert_eq!(drawn[..6], ["p06", "p03", "p01", "p04", "p05", "p02"]);
        assert_eq!(deck.urgent, 0);
        assert!(deck.queue.is_empty() && deck.later.is_empty());
        let old: Deck =
            serde_json::from_str(r#"{"seed":1,"cycle":0,"posted":[],"queue":["p01","p02"]}"#)
                .expect("an old deck");
        assert_eq!(old.upcoming(&all)[..2], ["p01", "p02"]);
    }
}

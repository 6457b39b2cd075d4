//! Filtering, search and re-laying out off the UI thread, so that no keystroke blocks a
//! frame. Each request supersedes the one before: work for an old request stops at the next
//! chunk, and only the newest result is ever shown.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};

use crate::layout::scene::{ColorMode, CountryPalette, LaneMode, Scene};
use crate::model::stats::RangeCounts;
use crate::model::{Dataset, Filters};
use crate::state::Filtered;

/// What to work out: the scene of `dataset` for these modes and filters.
pub struct DeriveRequest {
    pub generation: u64,
    pub dataset: Arc<Dataset>,
    pub palette: Arc<CountryPalette>,
    /// The scene of all events, when the modes did not change.
    pub full_scene: Option<Arc<Scene>>,
    /// Participant counts of all events, used when there is no filter.
    pub full_counts: Arc<RangeCounts>,
    pub lane_mode: LaneMode,
    pub color_mode: ColorMode,
    pub filters: Filters,
}

/// A finished piece of work.
pub enum DeriveOutcome {
    /// The scene to show: sent as soon as it is ready.
    Scene {
        generation: u64,
        full_scene: Arc<Scene>,
        filtered: Filtered,
    },
    /// The participant counts, which take longer, sent after.
    Counts {
        generation: u64,
        counts: Arc<RangeCounts>,
    },
}

/// The shown events of the last finished search, to narrow the next one.
struct LastSearch {
    dataset: Arc<Dataset>,
    filters: Filters,
    shown: Arc<Vec<u32>>,
}

/// The thread that filters and lays out stopped: the view no longer follows the filters.
#[derive(Clone, Copy, Debug, thiserror::Error)]
#[error("the filters and layout stopped working after a fault; restart the app to use them again")]
pub struct WorkerGone;

/// A helper thread that derives scenes, one request at a time, newest first.
pub struct Deriver {
    requests: mpsc::Sender<DeriveRequest>,
    outcomes: mpsc::Receiver<DeriveOutcome>,
    /// The newest request's generation; older work stops when it sees a newer one.
    newest: Arc<AtomicU64>,
    /// The generation whose scene has not arrived yet.
    pending_scene: Option<u64>,
    pending_counts: Option<u64>,
}

impl Deriver {
    /// Starts the helper thread; `on_done` is called from it (to wake the UI) after each
    /// outcome.
    pub fn new(on_done: impl Fn() + Send + 'static) -> Self {
        let (requests, request_receiver) = mpsc::channel::<DeriveRequest>();
        let (outcome_sender, outcomes) = mpsc::channel();
        let newest = Arc::new(AtomicU64::new(0));
        let thread_newest = Arc::clone(&newest);
        let spawned = std::thread::Builder::new()
            .name("derive".into())
            .spawn(move || {
                let mut last_search: Option<LastSearch> = None;
                while let Ok(mut request) = request_receiver.recv() {
                    // Only the newest of the waiting requests matters.
                    while let Ok(newer) = request_receiver.try_recv() {
                        request = newer;
                    }
                    let sent = derive(&request, &thread_newest, &mut last_search, &|outcome| {
                        outcome_sender.send(outcome).is_ok()
                    });
                    on_done();
                    if !sent {
                        break;
                    }
                }
            });
        if spawned.is_err() {
            // Without a thread the requests go nowhere; the app then shows the data unfiltered.
            eprintln!("coop-timeline: could not start the filtering thread");
        }
        Self {
            requests,
            outcomes,
            newest,
            pending_scene: None,
            pending_counts: None,
        }
    }

    /// Asks for new work; whatever was asked before is abandoned. Fails when the worker
    /// thread is gone (it stopped on a fault): nothing is pending then.
    pub fn request(&mut self, request: DeriveRequest) -> Result<(), WorkerGone> {
        let generation = request.generation;
        // Published before the request is sent: a worker that saw the request first would
        // take it for superseded, drop it, and leave the search pending for good.
        self.newest.store(generation, Ordering::Release);
        self.requests.send(request).map_err(|_| WorkerGone)?;
        self.pending_scene = Some(generation);
        self.pending_counts = Some(generation);
        Ok(())
    }

    /// The outcomes of the newest request that arrived since the last call.
    pub fn take_outcomes(&mut self) -> Vec<DeriveOutcome> {
        let newest = self.newest.load(Ordering::Relaxed);
        let outcomes: Vec<DeriveOutcome> = self
            .outcomes
            .try_iter()
            .filter(|outcome| outcome.generation() == newest)
            .collect();
        for outcome in &outcomes {
            match outcome {
                DeriveOutcome::Scene { .. } => self.pending_scene = None,
                DeriveOutcome::Counts { .. } => self.pending_counts = None,
            }
        }
        outcomes
    }

    /// True while a scene is being worked out: a search is running.
    pub fn is_busy(&self) -> bool {
        self.pending_scene.is_some()
    }

    /// True while participant counts are being worked out.
    pub fn is_counting(&self) -> bool {
        self.pending_counts.is_some()
    }

    /// Waits until the newest request is done: for tests and scripted runs.
    pub fn wait(&mut self, timeout: std::time::Duration) -> Vec<DeriveOutcome> {
        let deadline = std::time::Instant::now() + timeout;
        let mut outcomes = Vec::new();
        while (self.pending_scene.is_some() || self.pending_counts.is_some())
            && std::time::Instant::now() < deadline
        {
            outcomes.extend(self.take_outcomes());
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        outcomes
    }
}

impl DeriveOutcome {
    fn generation(&self) -> u64 {
        match self {
            Self::Scene { generation, .. } | Self::Counts { generation, .. } => *generation,
        }
    }
}

/// Does one request; returns false when the app is gone.
fn derive(
    request: &DeriveRequest,
    newest: &AtomicU64,
    last_search: &mut Option<LastSearch>,
    send: &dyn Fn(DeriveOutcome) -> bool,
) -> bool {
    let generation = request.generation;
    let superseded = || newest.load(Ordering::Acquire) != generation;
    let full_scene = match &request.full_scene {
        Some(scene) => Arc::clone(scene),
        None => Arc::new(Scene::build(
            &request.dataset.events,
            request.lane_mode,
            request.color_mode,
            &request.palette,
        )),
    };
    if superseded() {
        return true;
    }
    if request.filters.is_empty() {
        let filtered = Filtered {
            shown: Arc::new((0..request.dataset.events.len() as u32).collect()),
            scene: Arc::clone(&full_scene),
            range_counts: Some(Arc::clone(&request.full_counts)),
        };
        *last_search = None;
        return send(DeriveOutcome::Scene {
            generation,
            full_scene,
            filtered,
        }) && send(DeriveOutcome::Counts {
            generation,
            counts: Arc::clone(&request.full_counts),
        });
    }

    // A search that extends the last one looks only at its hits.
    let candidates = last_search
        .as_ref()
        .filter(|last| {
            Arc::ptr_eq(&last.dataset, &request.dataset) && request.filters.narrows(&last.filters)
        })
        .map(|last| Arc::clone(&last.shown));
    let shown = request.filters.shown_among(
        &request.dataset.events,
        candidates.as_deref().map(Vec::as_slice),
        &superseded,
    );
    let Some(shown) = shown else {
        return true;
    };
    let shown = Arc::new(shown);
    *last_search = Some(LastSearch {
        dataset: Arc::clone(&request.dataset),
        filters: request.filters.clone(),
        shown: Arc::clone(&shown),
    });
    if superseded() {
        return true;
    }
    let mut is_shown = vec![false; request.dataset.events.len()];
    for &index in shown.iter() {
        is_shown[index as usize] = true;
    }
    let scene = Arc::new(full_scene.filtered(&is_shown));
    let sent = send(DeriveOutcome::Scene {
        generation,
        full_scene,
        filtered: Filtered {
            shown: Arc::clone(&shown),
            scene,
            range_counts: None,
        },
    });
    if !sent || superseded() {
        return sent;
    }
    let Some(counts) = RangeCounts::of_events(&request.dataset.events, Some(&shown), &superseded)
    else {
        return true;
    };
    send(DeriveOutcome::Counts {
        generation,
        counts: Arc::new(counts),
    })
}

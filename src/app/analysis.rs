//! The risk analysis as the window runs it: on the desktop, a background thread that uses
//! every core while the window stays live; in the browser (one thread), a few blocks of
//! iterations per frame. The views see [`AnalysisStatus`] and ask through requests.

use std::sync::Arc;

use super::contract::AnalysisStatus;
use crate::model::Project;
use crate::schedule::risk::{RiskOptions, RiskResult};

#[derive(Default)]
pub struct Analysis {
    pub status: AnalysisStatus,
    /// The document revision the shown result was computed at.
    revision: u64,
    job: Option<job::Job>,
}

impl Analysis {
    /// Starts a run on `project` (a copy: the document may change meanwhile), replacing one
    /// under way.
    pub fn start(&mut self, project: &Project, options: RiskOptions, revision: u64) {
        self.cancel();
        self.status.error = None;
        self.status.progress = Some((0, options.iterations));
        self.job = Some(job::Job::start(project, options, revision));
    }

    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
        self.status.progress = None;
    }

    /// Once a frame: moves a run on, collects it when done. True while a run is under way
    /// (the window keeps repainting to show its progress).
    pub fn poll(&mut self, revision: u64) -> bool {
        if let Some(job) = &mut self.job {
            match job.poll() {
                job::Poll::Running(done, total) => self.status.progress = Some((done, total)),
                job::Poll::Done(outcome, at) => {
                    self.job = None;
                    self.status.progress = None;
                    match outcome {
                        Ok(result) => self.show(*result, at),
                        Err(why) => self.status.error = Some(why),
                    }
                }
            }
        }
        self.status.stale = self.status.result.is_some() && self.revision != revision;
        self.job.is_some()
    }

    fn show(&mut self, result: RiskResult, revision: u64) {
        let previous = self.status.result.take();
        // The last run of the other kind (mitigated or not) stays, to show what mitigation is
        // worth; one of the same kind is replaced.
        if let Some(previous) = previous
            && previous.options.mitigated != result.options.mitigated
            && self.revision == revision
        {
            self.status.other = Some(previous);
        } else if self.revision != revision {
            self.status.other = None;
        }
        self.status.result = Some(Arc::new(result));
        self.revision = revision;
    }
}

/// What poll found.
mod job {
    use super::{Project, RiskOptions, RiskResult};

    pub enum Poll {
        Running(u32, u32),
        /// The result, or why there is none, and the revision it was computed at.
        Done(Result<Box<RiskResult>, String>, u64),
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub use native::Job;
    #[cfg(target_arch = "wasm32")]
    pub use web::Job;

    #[cfg(not(target_arch = "wasm32"))]
    mod native {
        use std::sync::atomic::Ordering;
        use std::sync::{Arc, Mutex};

        use super::{Poll, Project, RiskOptions, RiskResult};
        use crate::schedule::risk::{Control, simulate};

        type Outcome = Arc<Mutex<Option<Result<Option<RiskResult>, String>>>>;

        pub struct Job {
            control: Arc<Control>,
            outcome: Outcome,
            total: u32,
            revision: u64,
        }

        impl Job {
            pub fn start(project: &Project, options: RiskOptions, revision: u64) -> Self {
                let control = Arc::new(Control::default());
                let outcome: Outcome = Arc::default();
                let project = project.clone();
                let threads =
                    std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
                let (c, o) = (control.clone(), outcome.clone());
                std::thread::spawn(move || {
                    let result =
                        simulate(&project, options, threads, &c).map_err(|e| e.to_string());
                    if let Ok(mut slot) = o.lock() {
                        *slot = Some(result);
                    }
                });
                Self {
                    control,
                    outcome,
                    total: options.iterations,
                    revision,
                }
            }

            /// The thread stops at its next block and its result is dropped.
            pub fn cancel(self) {
                self.control.cancel.store(true, Ordering::Relaxed);
            }

            pub fn poll(&mut self) -> Poll {
                let finished = self.outcome.lock().ok().and_then(|mut slot| slot.take());
                match finished {
                    Some(Ok(Some(result))) => Poll::Done(Ok(Box::new(result)), self.revision),
                    // Cancelled: only a replaced job is, and it is no longer polled.
                    Some(Ok(None)) => Poll::Done(Err("cancelled".to_owned()), self.revision),
                    Some(Err(why)) => Poll::Done(Err(why), self.revision),
                    None => Poll::Running(self.control.done.load(Ordering::Relaxed), self.total),
                }
            }
        }
    }

    #[cfg(target_arch = "wasm32")]
    mod web {
        use super::{Poll, Project, RiskOptions};
        use crate::schedule::risk::{Block, Simulator, block_count, combine};

        /// The browser's share of a frame spent on the analysis, in milliseconds.
        const FRAME_BUDGET_MS: f64 = 12.0;

        pub struct Job {
            project: Box<Project>,
            options: RiskOptions,
            blocks: Vec<Block>,
            revision: u64,
        }

        impl Job {
            pub fn start(project: &Project, options: RiskOptions, revision: u64) -> Self {
                Self {
                    project: Box::new(project.clone()),
                    options,
                    blocks: Vec::new(),
                    revision,
                }
            }

            /// The blocks run so far go with the job: nothing runs between frames.
            pub fn cancel(self) {
                drop(self);
            }

            pub fn poll(&mut self) -> Poll {
                let total = block_count(self.options.iterations);
                let mut sim = match Simulator::new(&self.project, self.options) {
                    Ok(sim) => sim,
                    Err(e) => return Poll::Done(Err(e.to_string()), self.revision),
                };
                // The budget counts from here: building the network again each frame may
                // itself take longer, and every frame must move the run on.
                let began = js_sys::Date::now();
                loop {
                    let block = sim.block(self.blocks.len() as u32);
                    self.blocks.push(block);
                    if self.blocks.len() as u32 >= total
                        || js_sys::Date::now() - began >= FRAME_BUDGET_MS
                    {
                        break;
                    }
                }
                if (self.blocks.len() as u32) < total {
                    let done = self.blocks.len() as u32 * crate::schedule::risk::BLOCK_ITERATIONS;
                    return Poll::Running(
                        done.min(self.options.iterations),
                        self.options.iterations,
                    );
                }
                let blocks = std::mem::take(&mut self.blocks);
                Poll::Done(
                    Ok(Box::new(combine(&self.project, &sim, blocks))),
                    self.revision,
                )
            }
        }
    }
}

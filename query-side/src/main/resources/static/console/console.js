// The Waybill ops console: plain JavaScript over the public API. It signs in with an API token and the id of its
// organisation, kept in this tab's session storage, and shows the projections (replays), the dead letters and a live
// tail of the organisation's events, which follows the stream through single-use stream tickets (EventSource cannot
// send the token) and resumes where it stood after a reload.

const KEYS = {token: "waybill.console.token", org: "waybill.console.org", tail: "waybill.console.tail"};
const TAIL_KEPT = 200;
const STREAM_PATH = "/api/events/stream";
const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(status, message, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** A call of the public API as the signed-in caller: the answer's JSON, or an ApiError with the envelope's message. */
async function api(method, path, body) {
  const headers = {
    Authorization: `Bearer ${sessionStorage.getItem(KEYS.token)}`,
    "X-Org-Id": sessionStorage.getItem(KEYS.org),
  };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  let response;
  try {
    response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (failure) {
    throw new ApiError(0, `the service cannot be reached (${failure.message})`, "unreachable");
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: the status says enough
  }
  if (!response.ok) {
    const error = json && json.error;
    throw new ApiError(response.status, error ? error.message : `HTTP ${response.status}`,
        error ? error.code : "http_" + response.status);
  }
  return json;
}

/** An element with properties, attributes (data-*, aria-*) and text or element children; never parses HTML. */
function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) {
      continue;
    }
    if (key.startsWith("data-") || key.startsWith("aria-")) {
      element.setAttribute(key, value);
    } else if (key === "class") {
      element.className = value;
    } else {
      element[key] = value;
    }
  }
  for (const child of children) {
    if (child !== undefined && child !== null) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

function show(message, id) {
  $(id).textContent = message;
}

/** A refused token ends the session: back to the sign-in form, with the reason. */
function signedOutBy(failure) {
  if (failure instanceof ApiError && failure.status === 401) {
    signOut(`The token was refused: ${failure.message}`);
    return true;
  }
  return false;
}

function time(value) {
  return value ? new Date(value).toLocaleString() : "–";
}

const projections = {
  timer: null,
  known: [],
  failing: false,

  /** Loads the projections, shows them and comes back soon: every half second while a replay runs. */
  async refresh() {
    clearTimeout(this.timer);
    let list = [];
    try {
      list = (await api("GET", "/api/ops/projections")).data;
      this.render(list);
      if (this.failing) {
        this.failing = false;
        show("", "projections-message");
      }
    } catch (failure) {
      if (signedOutBy(failure)) {
        return [];
      }
      this.failing = true;
      show(failure.message, "projections-message");
      if (failure.code === "forbidden") {
        return list; // the token's role will not change: asking again would only be refused again
      }
    }
    const replaying = list.some((projection) => projection.replay && projection.replay.status === "running");
    this.timer = setTimeout(() => this.refresh(), replaying ? 500 : 2000);
    return list;
  },

  render(list) {
    $("head").textContent = list.length ? list[0].headPosition : "–";
    $("projections-updated").textContent = `updated ${new Date().toLocaleTimeString()}`;
    $("projection-rows").replaceChildren(...list.map((projection) => this.row(projection)));
    const names = list.map((projection) => projection.name);
    if (names.join() !== this.known.join()) {
      this.known = names;
      $("dead-letter-projection").replaceChildren(el("option", {value: ""}, "all"),
          ...names.map((name) => el("option", {value: name}, name)));
    }
  },

  row(projection) {
    const replay = projection.replay;
    const running = replay && replay.status === "running";
    const segments = el("ul", {class: "segments"}, ...projection.segments.map((segment) => el("li", {},
        `${segment.segment}: ${segment.owner || "unclaimed"} at ${segment.position}`
        + (segment.error ? ` (${segment.error})` : ""))));
    const replayButton = el("button", {type: "button", disabled: running, "data-action": "replay"}, "Replay");
    replayButton.addEventListener("click", () => this.act(projection.name, "replay"));
    const cancelButton = el("button", {type: "button", hidden: !running, "data-action": "cancel"}, "Cancel");
    cancelButton.addEventListener("click", () => this.act(projection.name, "replay/cancel"));
    return el("tr", {"data-projection": projection.name},
        el("td", {}, projection.name),
        el("td", {class: `state state-${projection.state}`}, projection.state),
        el("td", {class: "number lag-events"}, projection.lagEvents ?? "–"),
        el("td", {class: "number lag-seconds"}, projection.lagSeconds == null ? "–" : projection.lagSeconds.toFixed(1)),
        el("td", {}, segments),
        el("td", {class: "number"}, projection.deadLetters),
        el("td", {class: "replay"}, ...this.progress(replay)),
        el("td", {}, replayButton, " ", cancelButton));
  },

  /** A replay's bar and words: percent, rate and time left while it runs, then how it ended. */
  progress(replay) {
    if (!replay) {
      return [el("span", {class: "meta"}, "never replayed")];
    }
    // no percent while running: not started yet, or running in another process (an indeterminate bar)
    const percent = replay.status === "done" ? 100 : replay.percent;
    const bar = el("progress", {max: 100, value: percent ?? undefined, "aria-label": "replay progress"});
    let words;
    if (replay.status !== "running") {
      words = `${replay.status} ${time(replay.finishedAt)}`;
    } else if (percent == null) {
      words = `running since ${time(replay.startedAt)}`;
    } else if (percent >= 100) {
      words = "100 % · taking over from the current tables";
    } else {
      words = `${percent.toFixed(1)} %`
          + (replay.eventsPerSecond != null ? ` · ${Math.round(replay.eventsPerSecond)} events/s` : "")
          + (replay.etaSeconds != null ? ` · about ${replay.etaSeconds} s to go` : "");
    }
    if (replay.status === "running" && replay.error) {
      words += ` · retrying: ${replay.error}`;
    }
    return [bar, " ", el("span", {class: `replay-status state-${replay.status}`}, words)];
  },

  async act(name, action) {
    try {
      await api("POST", `/api/ops/projections/${encodeURIComponent(name)}/${action}`);
      show(action === "replay" ? `Replay of ${name} started.` : `Replay of ${name} cancelled.`,
          "projections-message");
    } catch (failure) {
      if (!signedOutBy(failure)) {
        show(`${name}: ${failure.message}`, "projections-message");
      }
    }
    this.refresh();
  },

  stop() {
    clearTimeout(this.timer);
  },
};

const deadLetters = {
  timer: null,
  cursor: null,
  paged: false,
  failing: false,

  /** The first page again (and every 5 s), or the next one after those shown. */
  async refresh(more = false) {
    clearTimeout(this.timer);
    const params = new URLSearchParams({limit: "50"});
    const projection = $("dead-letter-projection").value;
    if (projection) {
      params.set("projection", projection);
    }
    if (more && this.cursor) {
      params.set("cursor", this.cursor);
    }
    try {
      const page = await api("GET", `/api/ops/dead-letters?${params}`);
      const rows = page.data.map((letter) => this.row(letter));
      if (more) {
        $("dead-letter-rows").append(...rows);
      } else {
        $("dead-letter-rows").replaceChildren(...rows);
      }
      this.paged = more;
      this.cursor = page.nextCursor;
      $("dead-letters-more").hidden = !this.cursor;
      $("dead-letters-empty").hidden = $("dead-letter-rows").children.length > 0;
      if (this.failing) {
        this.failing = false;
        show("", "dead-letters-message");
      }
    } catch (failure) {
      if (signedOutBy(failure)) {
        return;
      }
      this.failing = true;
      show(failure.message, "dead-letters-message");
      if (failure.code === "forbidden") {
        return;
      }
    }
    if (!this.paged) {
      this.timer = setTimeout(() => this.refresh(), 5000);
    }
  },

  row(letter) {
    const retry = el("button", {type: "button", "data-action": "retry"}, "Retry");
    retry.addEventListener("click", () => this.act(letter.id, "retry"));
    const evict = el("button", {type: "button", "data-action": "evict"}, "Evict");
    evict.addEventListener("click", () => this.act(letter.id, "evict"));
    return el("tr", {"data-letter": letter.id},
        el("td", {}, time(letter.enqueuedAt)),
        el("td", {}, letter.projection),
        el("td", {}, `${letter.aggregateType} ${letter.aggregateId}`),
        el("td", {}, `${letter.eventType} #${letter.aggregateSequenceNumber ?? "–"}`),
        el("td", {class: "number"}, letter.positionInSequence === 0 ? "failed" : `behind ${letter.positionInSequence}`),
        el("td", {class: "number"}, letter.retries),
        el("td", {}, letter.cause ? `${letter.cause.type}: ${letter.cause.message}` : "–"),
        el("td", {}, retry, " ", evict));
  },

  async act(id, action) {
    try {
      const result = await api("POST", `/api/ops/dead-letters/${encodeURIComponent(id)}/${action}`);
      const waiting = result.parked.length ? `; ${result.parked.length} of its record's events still parked` : "";
      show(`${action === "retry" ? "Retried" : "Evicted"} ${id}: ${result.outcome}${waiting}.`,
          "dead-letters-message");
    } catch (failure) {
      if (!signedOutBy(failure)) {
        show(`${id}: ${failure.message}`, "dead-letters-message");
      }
    }
    this.refresh();
  },

  stop() {
    clearTimeout(this.timer);
  },
};

const tail = {
  source: null,
  reopen: null,
  knownTypes: [],
  // what survives a reload: the filter, the last event received, the events shown (newest first)
  state: {types: [], lastId: null, events: []},

  load() {
    try {
      this.state = {...this.state, ...JSON.parse(sessionStorage.getItem(KEYS.tail) || "{}")};
    } catch {
      sessionStorage.removeItem(KEYS.tail);
    }
    $("tail-types").value = this.state.types.join(", ");
    $("tail-rows").replaceChildren(...this.state.events.map((entry) => this.row(entry, false)));
    this.showLast();
  },

  save() {
    sessionStorage.setItem(KEYS.tail, JSON.stringify(this.state));
  },

  /** Follows the organisation's stream from where it stood, or, the first time, after `head` (an id, or "now"). */
  async start(head) {
    if (!this.knownTypes.length) {
      try {
        const types = (await api("GET", "/api/events/types")).data;
        this.knownTypes = types.flatMap((aggregate) => aggregate.eventTypes);
        $("tail-known-types").replaceChildren(...this.knownTypes.map((type) => el("option", {value: type})));
      } catch (failure) {
        if (!signedOutBy(failure)) {
          show(failure.message, "tail-message");
        }
        return;
      }
    }
    if (this.state.lastId == null) {
      this.state.lastId = String(head);
      this.save();
    }
    this.open();
  },

  async open() {
    this.close();
    $("tail-status").textContent = "connecting";
    let ticket;
    try {
      ticket = (await api("POST", "/api/streams/tickets", {path: STREAM_PATH})).ticket;
    } catch (failure) {
      if (!signedOutBy(failure)) {
        show(`${failure.message}; trying again`, "tail-message");
        this.retryLater();
      }
      return;
    }
    const params = new URLSearchParams({ticket, after: this.state.lastId});
    if (this.state.types.length) {
      params.set("type", this.state.types.join(","));
    }
    const source = new EventSource(`${STREAM_PATH}?${params}`);
    this.source = source;
    source.addEventListener("open", () => {
      $("tail-status").textContent = "live";
      show("", "tail-message");
    });
    const received = (message) => this.received(message);
    for (const type of this.knownTypes) {
      source.addEventListener(type, received);
    }
    // "error" is both the stream's own last message (with the envelope as data) and a lost connection (no data).
    // A ticket opens one stream once, so the browser's own reconnect would be refused: a new ticket is asked for.
    source.addEventListener("error", (message) => {
      if (source !== this.source) {
        return;
      }
      this.close();
      if (message.data) {
        const error = JSON.parse(message.data).error;
        if (error.code === "unauthorized") {
          signOut(`The stream ended: ${error.message}`);
          return;
        }
        if (error.details && error.details.lastEventId) {
          this.state.lastId = error.details.lastEventId;
          this.save();
        }
        show(`The stream ended: ${error.message}; resuming`, "tail-message");
      }
      this.retryLater();
    });
  },

  retryLater() {
    $("tail-status").textContent = "reconnecting";
    clearTimeout(this.reopen);
    this.reopen = setTimeout(() => this.open(), 1000);
  },

  received(message) {
    const entry = JSON.parse(message.data);
    this.state.lastId = message.lastEventId;
    this.state.events = [entry, ...this.state.events].slice(0, TAIL_KEPT);
    this.save();
    const rows = $("tail-rows");
    rows.prepend(this.row(entry, true));
    while (rows.children.length > TAIL_KEPT) {
      rows.lastElementChild.remove();
    }
    this.showLast();
  },

  row(entry, fresh) {
    const row = el("tr", {"data-event": entry.eventId, class: fresh ? "fresh" : ""},
        el("td", {class: "number"}, entry.globalPosition),
        el("td", {}, time(entry.time)),
        el("td", {class: "type"}, entry.type),
        el("td", {class: "record"}, `${entry.aggregateType} ${entry.aggregateId}`),
        el("td", {}, entry.actor ?? "–"));
    if (fresh) {
      setTimeout(() => row.classList.remove("fresh"), 3000);
    }
    return row;
  },

  showLast() {
    $("tail-last").textContent = this.state.lastId ?? "–";
  },

  /** A new filter: checked against the known types here (a stream refused with 400 would only show a lost link). */
  applyFilter(text) {
    const types = text.split(",").map((type) => type.trim()).filter((type) => type);
    const unknown = types.filter((type) => !this.knownTypes.includes(type));
    if (unknown.length) {
      show(`Unknown event type ${unknown.join(", ")}`, "tail-message");
      return;
    }
    show("", "tail-message");
    this.state.types = types;
    this.save();
    this.open();
  },

  clear() {
    this.state.events = [];
    this.save();
    $("tail-rows").replaceChildren();
  },

  close() {
    clearTimeout(this.reopen);
    if (this.source) {
      const source = this.source;
      this.source = null;
      source.close();
    }
    $("tail-status").textContent = "closed";
  },
};

/** Checks the token and organisation with the organisation's own details, then shows the console. */
async function enter() {
  let organisation;
  try {
    organisation = (await api("GET", "/api/organizations/current")).organization;
  } catch (failure) {
    signOut(`Signing in failed: ${failure.message}`);
    return;
  }
  $("who").textContent = `${organisation.name} (${organisation.id})`;
  $("sign-in").hidden = true;
  $("console").hidden = false;
  $("sign-out").hidden = false;
  tail.load();
  const list = await projections.refresh();
  deadLetters.refresh();
  // a token without the admin role sees no projections, and so no head: its tail starts from now
  tail.start(list.length ? list[0].headPosition : "now");
}

function signOut(reason = "") {
  projections.stop();
  deadLetters.stop();
  tail.close();
  for (const key of Object.values(KEYS)) {
    sessionStorage.removeItem(key);
  }
  tail.state = {types: [], lastId: null, events: []};
  $("console").hidden = true;
  $("sign-out").hidden = true;
  $("who").textContent = "";
  $("sign-in").hidden = false;
  show(reason, "sign-in-error");
}

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEYS.token, $("token").value.trim());
  sessionStorage.setItem(KEYS.org, $("org").value.trim());
  $("token").value = "";
  show("", "sign-in-error");
  enter();
});
$("sign-out").addEventListener("click", () => signOut());
$("dead-letter-projection").addEventListener("change", () => deadLetters.refresh());
$("dead-letters-refresh").addEventListener("click", () => deadLetters.refresh());
$("dead-letters-more").addEventListener("click", () => deadLetters.refresh(true));
$("tail-form").addEventListener("submit", (event) => {
  event.preventDefault();
  tail.applyFilter($("tail-types").value);
});
$("tail-clear").addEventListener("click", () => tail.clear());

if (sessionStorage.getItem(KEYS.token) && sessionStorage.getItem(KEYS.org)) {
  enter();
} else {
  signOut();
}

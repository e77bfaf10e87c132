/*
 * Who is making a change: a signed-in user of the web UI or API, or the
 * command line. Every domain function that writes takes one, so the journal
 * log (store/journal.h) can say who did what.
 */
#ifndef ISMS_MODEL_ACTOR_H
#define ISMS_MODEL_ACTOR_H

struct isms_actor {
    int64_t user_id;     /* 0: the command line or the system itself */
    const char *name;    /* user name, or "cli:<login>" / "system" */
    const char *address; /* client address for web requests; "" otherwise */
    /* An ISMS manager or administrator of the org the request acts in (always
     * for the command line): may make the org's decisions - who owns a risk -
     * that a risk owner, writing only their own risks, may not. */
    bool is_manager;
};

/* The actor for commands run from a shell: "cli:$USER" (or "cli"). */
const struct isms_actor *isms_actor_cli(void);

#endif

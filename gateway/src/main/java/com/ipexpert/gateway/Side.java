package com.ipexpert.gateway;

/** The two halves of the API behind the gateway. */
enum Side {
    /** Commands: every write, plus logins, accounts and the knowledge index's administration. */
    COMMAND,
    /** Reads: every other GET, live streams included. */
    QUERY
}

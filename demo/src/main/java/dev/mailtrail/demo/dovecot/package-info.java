/**
 * A throwaway Dovecot for {@code mt demo --backend dovecot} and the benchmarks: configuration generated into a
 * work directory, the demo users plus a master user, Maildirs seeded from the corpus, alice's Finance folder
 * shared with bob through the ACL plugin and a shared namespace. Runs the Debian-packaged {@code dovecot}.
 */
package dev.mailtrail.demo.dovecot;

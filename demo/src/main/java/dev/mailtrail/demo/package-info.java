/**
 * The mail servers behind {@code mt demo}: who the demo's users are and the one interface both back ends (an
 * embedded GreenMail, a throwaway Dovecot) present to the wiring in {@code app}. JDK only at this level.
 */
package dev.mailtrail.demo;

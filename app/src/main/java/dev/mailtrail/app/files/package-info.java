/**
 * Where {@code mt} writes on the file system: private directories and files, never through a symbolic link, and
 * file-system failures told as one line. JDK only.
 */
package dev.mailtrail.app.files;

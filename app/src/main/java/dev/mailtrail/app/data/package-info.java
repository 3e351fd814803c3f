/** Where MailTrail keeps its journal, stores and configuration: {@code --data DIR}, else the environment. */
package dev.mailtrail.app.data;

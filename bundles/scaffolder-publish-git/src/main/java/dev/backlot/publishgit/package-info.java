/**
 * The {@code publish:git} template action (see {@link dev.backlot.publishgit.PublishGitAction}).
 */
package dev.backlot.publishgit;

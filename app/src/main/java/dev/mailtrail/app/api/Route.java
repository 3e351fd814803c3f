package dev.mailtrail.app.api;

/** One entry of the route table: a method and an exact path, what the caller must hold, and who answers. */
public record Route(String method, String path, Guard guard, Endpoint endpoint) {}

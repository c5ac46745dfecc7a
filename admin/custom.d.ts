// Ambient declarations for the admin bundle.

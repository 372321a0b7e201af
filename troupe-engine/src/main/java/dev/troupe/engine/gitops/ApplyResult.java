package dev.troupe.engine.gitops;

import dev.troupe.api.kinds.delivery.Release;
import java.util.List;

/**
 * What one gitops apply or remove did: a commit, or nothing because the tree was already as desired
 * (delivery.md §2.7 commit algorithm, steps 3 and 4). Either way {@link #gitops()} is the {@code
 * Release.status.gitops} to record and the Release is {@code Applied=True Committed}.
 */
public sealed interface ApplyResult {
  /** The branch head after this call: the new commit, or the unchanged head. */
  String commit();

  /** One entry per object, desired objects in spec order, then the pruned ones. */
  List<ObjectResult> objects();

  /** {@code Release.status.gitops}. */
  Release.GitOpsStatus gitops();

  /** Exactly one commit was made for this Release change. */
  record Committed(
      String commit,
      CommitAction action,
      List<ObjectResult> objects,
      FileChanges files,
      Release.GitOpsStatus gitops)
      implements ApplyResult {
    public Committed {
      objects = List.copyOf(objects);
    }
  }

  /** The repository already held exactly the desired files; no commit was made. */
  record Unchanged(String commit, List<ObjectResult> objects, Release.GitOpsStatus gitops)
      implements ApplyResult {
    public Unchanged {
      objects = List.copyOf(objects);
    }
  }

  /** The {@code <action>} of the commit subject (delivery.md §2.7 "Commit message"). */
  enum CommitAction {
    /** The Release directory did not exist. */
    DEPLOY,
    /** The Release directory existed. */
    UPDATE,
    /** The Release is being deleted. */
    REMOVE;

    /** {@code deploy}, {@code update} or {@code remove}. */
    public String verb() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Repository paths written by a commit, each list in path order. */
  record FileChanges(List<String> added, List<String> changed, List<String> removed) {
    public FileChanges {
      added = List.copyOf(added);
      changed = List.copyOf(changed);
      removed = List.copyOf(removed);
    }
  }
}

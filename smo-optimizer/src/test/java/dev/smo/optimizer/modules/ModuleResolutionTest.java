package dev.smo.optimizer.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.common.SmoException;
import dev.smo.optimizer.placement.PlacementOptimizer;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.junit.jupiter.api.Test;

/**
 * The solver is usable alone: its module resolves from its own jar, the exception root and commons-math3, with
 * nothing else on the module path (no descriptor model, no Jackson, no SnakeYAML).
 */
class ModuleResolutionTest {

    @Test
    void theOptimizerResolvesWithOnlyItsDeclaredNeeds() throws Exception {
        ModuleFinder finder = ModuleFinder.of(
                location(PlacementOptimizer.class), location(SmoException.class), location(SimplexSolver.class));

        Configuration resolved =
                ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of("dev.smo.optimizer"));

        Set<String> names =
                resolved.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrder("dev.smo.optimizer", "dev.smo.common", "commons.math3");

        ModuleLayer layer =
                ModuleLayer.boot().defineModulesWithOneLoader(resolved, ClassLoader.getPlatformClassLoader());
        Class<?> optimizer = layer.findLoader("dev.smo.optimizer").loadClass(PlacementOptimizer.class.getName());
        assertThat(optimizer.getModule().getName()).isEqualTo("dev.smo.optimizer");
        assertThat(optimizer.getModule().getDescriptor().exports())
                .extracting(e -> e.source())
                .containsExactlyInAnyOrder(
                        "dev.smo.optimizer.milp",
                        "dev.smo.optimizer.placement",
                        "dev.smo.optimizer.profiling",
                        "dev.smo.optimizer.scaling");
    }

    @Test
    void withoutTheExceptionRootItDoesNotResolve() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(PlacementOptimizer.class), location(SimplexSolver.class));

        assertThatThrownBy(() -> ModuleLayer.boot()
                        .configuration()
                        .resolve(finder, ModuleFinder.of(), Set.of("dev.smo.optimizer")))
                .isInstanceOf(FindException.class)
                .hasMessageContaining("dev.smo.common");
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}

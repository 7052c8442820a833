//! Any module's float parameters by name (`convs.0.weight`, `norms.1.running_mean`, ...),
//! read in one transaction and written back by name: how the DCGAN goes to and
//! from weight files. Batch norms' running statistics are included, so a loaded
//! generator infers exactly as the saved one did.

use burn::module::{Module, ModuleMapper, ModuleVisitor, Param};
use burn::tensor::{Tensor, TensorData, Transaction};

struct Names {
    path: Vec<String>,
    out: Vec<(String, Vec<usize>)>,
    tx: Option<Transaction>,
}

impl ModuleVisitor for Names {
    fn enter_module(&mut self, name: &str, _container: &str) {
        self.path.push(name.to_string());
    }
    fn exit_module(&mut self, _name: &str, _container: &str) {
        self.path.pop();
    }
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        let t = param.val();
        self.out.push((self.path.join("."), t.dims().to_vec()));
        if let Some(tx) = self.tx.take() {
            self.tx = Some(tx.register(t));
        }
    }
}

/// Every float parameter's name and shape, in visiting order.
pub fn param_shapes<M: Module>(module: &M, prefix: &str) -> Vec<(String, Vec<usize>)> {
    let mut v = Names {
        path: vec![prefix.to_string()],
        out: Vec::new(),
        tx: None,
    };
    module.visit(&mut v);
    v.out
}

/// Registers every float parameter into `tx`, in [`param_shapes`] order. Pass
/// `module.valid()`: it brings batch norms' running statistics up to date (a
/// training module's lag one update behind).
pub fn register<M: Module>(module: &M, tx: Transaction) -> Transaction {
    let mut v = Names {
        path: vec![String::new()],
        out: Vec::new(),
        tx: Some(tx),
    };
    module.visit(&mut v);
    v.tx.expect("the transaction comes back")
}

struct Load<'a> {
    path: Vec<String>,
    lookup: &'a dyn Fn(&str) -> Vec<f32>,
}

impl ModuleMapper for Load<'_> {
    fn enter_module(&mut self, name: &str, _container: &str) {
        self.path.push(name.to_string());
    }
    fn exit_module(&mut self, _name: &str, _container: &str) {
        self.path.pop();
    }
    fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let values = (self.lookup)(&self.path.join("."));
        param.map(|t| {
            let tracked = t.is_require_grad();
            let fresh = Tensor::<D>::from_data(TensorData::new(values, t.shape()), &t.device());
            if tracked {
                fresh.require_grad()
            } else {
                fresh
            }
        })
    }
}

/// The module with every float parameter replaced by `lookup(name)` (names as
/// [`param_shapes`] gives them under `prefix`, already checked to have those shapes).
pub fn with_values<M: Module>(module: M, prefix: &str, lookup: &dyn Fn(&str) -> Vec<f32>) -> M {
    module.map(&mut Load {
        path: vec![prefix.to_string()],
        lookup,
    })
}
